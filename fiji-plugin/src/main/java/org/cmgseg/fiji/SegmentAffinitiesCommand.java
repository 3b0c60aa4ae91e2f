package org.cmgseg.fiji;

import ij.ImagePlus;
import java.io.IOException;
import org.cmgseg.core.RunContext;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Segment Affinities for ImageJ2/Fiji scripts: the work of {@link SegmentAffinities}, one label image per threshold. */
@Plugin(type = Command.class, headless = true, label = "Segment Affinities")
public final class SegmentAffinitiesCommand extends LibraryCommand {

    @Parameter(description = "a hyperstack of 3 channels (z, y, x)")
    private ImagePlus affinities;

    @Parameter
    private String fragments = Library.FRAGMENT_METHODS[0];

    @Parameter
    private String mergeFunction = Library.MERGE_FUNCTIONS[0];

    @Parameter
    private String queue = Library.QUEUES[0];

    @Parameter(description = "separated by commas, e.g. 0.3,0.5")
    private String thresholds;

    @Parameter(required = false, persist = false, description = "PATH.n5:/group (or .zarr, .h5) to write the volumes to, as cmgseg segment does")
    private String output;

    @Parameter(required = false, persist = false)
    private boolean overwrite;

    @Parameter(type = ItemIO.OUTPUT, description = "one label image per threshold, in the order of the thresholds")
    private ImagePlus[] segmentations;

    @Override
    void run(RunContext context) throws IOException {
        segmentations = SegmentAffinities.labelImages(affinities, SegmentAffinities.segment(affinities, fragments, mergeFunction, queue,
                thresholds, output == null ? "" : output.trim(), overwrite, context));
    }
}
