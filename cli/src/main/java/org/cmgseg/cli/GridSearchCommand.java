package org.cmgseg.cli;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.Geometry;
import org.cmgseg.core.RunContext;
import org.cmgseg.segmentation.SegmentationResult;
import org.cmgseg.segmentation.Thresholds;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.gridsearch.GridBest;
import org.cmgseg.segmentation.gridsearch.GridInputs;
import org.cmgseg.segmentation.gridsearch.GridResults;
import org.cmgseg.segmentation.gridsearch.GridRow;
import org.cmgseg.segmentation.gridsearch.GridSearch;
import org.cmgseg.segmentation.gridsearch.GridSpec;
import org.cmgseg.segmentation.gridsearch.GridSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cmgseg gridsearch}: the CMG paper's grid search over soft-threshold curves, merge functions and thresholds. */
@Command(name = "gridsearch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Search the CMG soft threshold (mu, I) together with the merge function and threshold of the agglomeration, "
                + "scoring every segmentation against ground truth with the CREMI metrics, as in the CMG paper. The untransformed "
                + "affinities (the baseline) are always included. Writes DIR/results.csv (one row per mu, I, merge function, queue "
                + "and threshold; mu and I empty for the baseline), DIR/best.json (the best baseline, the best CMG setting, and the "
                + "relative improvement of the CREMI score), and plots: cremi-heatmap.png (best score per mu and I), "
                + "cremi-vs-mu.png (one line per I, the paper's Figure 5B) and cremi-vs-threshold.png (one line per merge function).",
            "",
            "Fragments are made once, from the untransformed affinities. The CMG map is monotone, so waterz's watershed of a "
                + "transformed volume gives the same fragments, except where float32 rounding makes two neighbouring affinities "
                + "equal (a few voxels of plateaus); --fragments-per-curve makes them again from every transformed volume instead, "
                + "exactly as running waterz on each, at the cost of a watershed per curve. The distance-transform fragments depend "
                + "on the affinity values (a boundary threshold of 0.5), so for them the two choices differ much more.",
            "",
            "An interrupted run continues where it stopped when started again with the same parameters and --output: finished "
                + "curves are kept and not computed again. Results do not depend on --threads."},
        footer = {"", "Example (the published grid, on a CREMI sample with its 25 nm border mask):",
                "  cmgseg gridsearch --affinities sample_B.n5:/affinities \\",
                "      --groundtruth sample_B.n5:/neuron_ids --border-threshold 25 \\",
                "      --resolution 40,4,4 --output gridsearch-B --save-best sample_B.n5:/best"})
final class GridSearchCommand implements Callable<Integer> {

    private static final String TENTHS = "0.1:0.9:0.1";

    @Spec
    CommandSpec spec;

    @Option(names = "--affinities", required = true, paramLabel = "ADDR",
            description = "Affinities (3, z, y, x) in [0, 1], channels z, y, x; float32 (float64 and uint8, read as value / 255, "
                    + "are converted).")
    String affinities;

    @Mixin
    ChannelOption channels;

    @Option(names = "--groundtruth", required = true, paramLabel = "ADDR", description = "Ground-truth labels (z, y, x), integers; "
            + "0 is ignored.")
    String groundTruth;

    @Option(names = "--mu", defaultValue = TENTHS, paramLabel = "A:B:STEP|a,b",
            description = "CMG inflection rates (default: ${DEFAULT-VALUE}).")
    String mus;

    @Option(names = {"--inflection", "-I"}, defaultValue = TENTHS, paramLabel = "A:B:STEP|a,b",
            description = "CMG inflection points (default: ${DEFAULT-VALUE}).")
    String inflections;

    @Option(names = "--merge-functions", paramLabel = "NAME,...", description = "Merge functions (default: "
            + "median_aff_histograms,85_aff_histograms,median_aff,85_aff,max_10; see 'cmgseg segment --help').")
    String mergeFunctions;

    @Option(names = "--thresholds", defaultValue = TENTHS, paramLabel = "A:B:STEP|a,b",
            description = "Agglomeration thresholds (default: ${DEFAULT-VALUE}).")
    String thresholds;

    @Option(names = "--queue", defaultValue = "bins:256", paramLabel = "bins:N|exact",
            description = "Merge order (default: ${DEFAULT-VALUE}).")
    QueueType queue;

    @Mixin
    FragmentOptions fragments;

    @Option(names = "--fragments-per-curve", description = "Make the fragments again from every transformed volume (see above).")
    boolean fragmentsPerCurve;

    @Mixin
    BorderOptions border;

    @Mixin
    NanOption nan;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Folder of the results; the same folder resumes "
            + "an interrupted run.")
    Path output;

    @Option(names = "--save-best", paramLabel = "ADDR", description = "Also write the best segmentation (uint64), baseline or CMG, "
            + "to this dataset, with its setting and scores as attributes (block size: the ground truth's, or --block-size).")
    String saveBest;

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() throws IOException {
        List<String> warnings = new ArrayList<>();
        GridSpec grid = new GridSpec(NumberList.parse(mus, "--mu"), NumberList.parse(inflections, "--inflection"),
                mergeFunctions == null ? GridSpec.PAPER_MERGE_FUNCTIONS : Arrays.asList(mergeFunctions.split(",", -1)), queue,
                Thresholds.sorted(NumberList.parse(thresholds, "--thresholds"), warnings));
        DatasetAddress best = saveBest == null ? null : DatasetAddress.parse(saveBest);
        PrintWriter out = spec.commandLine().getOut();
        try (NewOutputs outputs = best == null ? storage.outputs().folder(output) : storage.outputs().folder(output).dataset(best);
             ProgressBars progress = new ProgressBars(spec.commandLine().getErr());
             FragmentChoice choice = fragments.open()) {
            warnings.forEach(progress::warning);
            GridInputs inputs = new GridInputs(affinities, groundTruth, choice.method(), fragmentsPerCurve, border.threshold,
                    border.resolutionZyx(DatasetAddress.parse(groundTruth)), nan.nanAs, channels.channels);
            RunContext context = storage.context(progress);
            GridSearch search = GridSearch.prepare(inputs, grid, output, context);
            GridSummary summary = search.summary();
            Main.println(out, String.format(Locale.ROOT, "%d fragments, %d edges, %d boundary faces; %d curves (baseline included) x %d "
                    + "merge functions x %d thresholds%s", summary.fragments(), summary.edges(), summary.faces(), grid.curves().size(),
                    grid.mergeFunctions().size(), grid.thresholds().length,
                    search.resumedCurves() > 0 ? "; resuming: " + search.resumedCurves() + " curves already done" : ""));
            GridResults results = search.run();
            GridSearchPlots.write(results, output);
            if (best != null) {
                saveBest(search, results.best().overall(), best, context);
            }
            report(results.best(), search, out);
            outputs.keep();
        }
        return 0;
    }

    private void saveBest(GridSearch search, GridRow row, DatasetAddress address, RunContext context) throws IOException {
        SegmentationResult segmentation = search.segmentation(row);
        DatasetAddress gt = DatasetAddress.parse(groundTruth);
        JsonObject attributes;
        int[] gtBlock;
        try (Containers.OpenDataset open = Containers.open(gt)) {
            attributes = Geometry.read(open.container(), gt).attributes(address.format());
            gtBlock = open.dataset().info().blockSize();
        }
        row.toJson().entrySet().forEach(e -> attributes.add(e.getKey(), e.getValue()));
        DatasetInfo info = storage.output(segmentation.fragments().grid().dimensions(), DataType.UINT64, gtBlock, address.format());
        try (Volumes.Output target = Volumes.create(address, info)) {
            segmentation.writeSegmentation(0, target.writer(), context);
            target.writer().commit();
            Volumes.setAttributes(target, address, attributes);
        }
    }

    private void report(GridBest best, GridSearch search, PrintWriter out) {
        bestTable(best).forEach(line -> Main.println(out, line));
        Main.println(out, "seconds: " + search.times());
        Main.println(out, "-> " + output + "/{" + GridSearch.RESULTS_FILE + ", " + GridSearch.BEST_FILE + ", " + GridSearch.PARAMETERS_FILE
                + ", " + String.join(", ", GridSearchPlots.FILES) + "}" + (saveBest != null ? ", best segmentation -> " + saveBest : ""));
    }

    /** The best baseline and the best CMG setting, and how much better the CMG one is. */
    static List<String> bestTable(GridBest best) {
        return List.of(String.format(Locale.ROOT, "%-14s %5s %5s  %-22s %9s  %9s %9s %12s %11s %9s", "best", "mu", "I",
                "merge function", "threshold", "voi_split", "voi_merge", "adapted_rand", "cremi_score", "segments"),
                line("baseline", best.baseline()), line("CMG", best.cmg()),
                String.format(Locale.ROOT, "relative improvement of the CREMI score: %.2f %%", 100 * best.relativeImprovement()));
    }

    private static String line(String name, GridRow row) {
        boolean baseline = row.curve().isBaseline();
        return String.format(Locale.ROOT, "%-14s %5s %5s  %-22s %9s  %9.6f %9.6f %12.6f %11.6f %9d", name,
                baseline ? "-" : CFormat.shortest(row.curve().mu()), baseline ? "-" : CFormat.shortest(row.curve().inflection()),
                row.mergeFunction(), CFormat.shortest(row.threshold()), row.scores().voiSplit(), row.scores().voiMerge(),
                row.scores().adaptedRand(), row.scores().cremiScore(), row.segments());
    }
}
