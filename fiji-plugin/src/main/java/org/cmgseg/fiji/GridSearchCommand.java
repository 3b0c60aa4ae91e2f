package org.cmgseg.fiji;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.io.IOException;
import org.cmgseg.core.RunContext;
import org.cmgseg.segmentation.gridsearch.GridSpec;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Grid Search for ImageJ2/Fiji scripts: the work of {@link GridSearchPlugin}, in memory or in a run folder it resumes from. */
@Plugin(type = Command.class, headless = true, label = "Grid Search")
public final class GridSearchCommand extends LibraryCommand {

    @Parameter(description = "a hyperstack of 3 channels (z, y, x)")
    private ImagePlus affinities;

    @Parameter(description = "a label image of the affinities' shape; 0 is ignored")
    private ImagePlus groundTruth;

    @Parameter(description = "separated by commas")
    private String mus;

    @Parameter(description = "separated by commas")
    private String inflections;

    @Parameter(description = "separated by commas")
    private String mergeFunctions = String.join(",", GridSpec.PAPER_MERGE_FUNCTIONS);

    @Parameter(description = "separated by commas")
    private String thresholds;

    @Parameter
    private String queue = Library.QUEUES[0];

    @Parameter
    private String fragments = Library.FRAGMENT_METHODS[0];

    @Parameter(required = false, description = "nm; above 0 the CREMI border mask (CREMI: 25)")
    private double border;

    @Parameter(required = false, persist = false, description = "a folder to write results.csv into and resume from, as cmgseg gridsearch --output")
    private String runFolder;

    @Parameter(type = ItemIO.OUTPUT, description = "a row per setting: the columns of cmgseg gridsearch's results.csv")
    private ResultsTable results;

    @Parameter(type = ItemIO.OUTPUT, description = "the best CREMI score per (mu, I): I across, mu down")
    private ImagePlus heatMap;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus bestSegmentation;

    @Parameter(type = ItemIO.OUTPUT, description = "the curves read back from the run folder instead of computed")
    private int resumedCurves;

    @Override
    void run(RunContext context) throws IOException {
        Library.GridSearchRun run = GridSearchPlugin.search(affinities, groundTruth,
                GridSearchPlugin.spec(mus, inflections, mergeFunctions, queue, thresholds), fragments, border,
                runFolder == null || runFolder.isBlank() ? null : Library.runFolder(runFolder.trim()), context);
        results = GridSearchPlugin.table(run.results().rows());
        heatMap = GridSearchPlugin.heatMap(run.results());
        bestSegmentation = GridSearchPlugin.bestSegmentation(affinities, run);
        resumedCurves = run.resumedCurves();
    }
}
