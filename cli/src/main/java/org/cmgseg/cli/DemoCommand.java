package org.cmgseg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cmgseg.affinities.SoftThreshold;
import org.cmgseg.affinities.ValueRange;
import org.cmgseg.affinities.io.AtomicFiles;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DirectoryDatasets;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.affinities.io.Geometry;
import org.cmgseg.cmg.Cmg;
import org.cmgseg.cmg.CmgTransform;
import org.cmgseg.cmg.LogitMethod;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.Parallel;
import org.cmgseg.core.RunContext;
import org.cmgseg.data.SyntheticEm;
import org.cmgseg.data.SyntheticParameters;
import org.cmgseg.data.SyntheticVolume;
import org.cmgseg.segmentation.SegmentationOptions;
import org.cmgseg.segmentation.SegmentationPipeline;
import org.cmgseg.segmentation.SegmentationResult;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.evaluate.ContingencyTable;
import org.cmgseg.segmentation.evaluate.CremiMetrics;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.gridsearch.GridInputs;
import org.cmgseg.segmentation.gridsearch.GridResults;
import org.cmgseg.segmentation.gridsearch.GridSearch;
import org.cmgseg.segmentation.gridsearch.GridSpec;
import org.cmgseg.segmentation.merge.MergeFunction;
import org.cmgseg.segmentation.output.SegmentationWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cmgseg demo}: the CMG paper's experiment on built-in data, needing nothing outside the repository. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the CMG paper's segmentation experiment on the built-in synthetic EM volume and write everything to a folder:",
                "  cmg_curves.png, cmg_values.tsv   the CMG curve of the paper's best setting (mu 0.4, I 0.3) and its neighbours;",
                "  synthetic.n5                     raw, labels (ground truth), boundary, affinities, and affinities_cmg_mu0.4_I0.3;",
                "  segmentation.n5                  original/ and cmg_mu0.4_I0.3/: fragments and one segmentation per threshold;",
                "  gridsearch/                      the grid search over mu, I in {0.2, 0.4, 0.6, 0.8}: results.csv, best.json, plots.",
                "Fragments are made as in the published pipeline, by the distance-transform watershed of each z-slice of the "
                        + "(transformed) affinities; agglomeration with the paper's merge functions and waterz's 256-bin queue."})
final class DemoCommand implements Callable<Integer> {

    static final double[][] CURVES = {{0.4, 0.3}, {0.1, 0.5}, {0.3, 0.5}, {0.5, 0.5}, {0.7, 0.5}, {0.9, 0.5}, {0.6, 0.8}};
    private static final double MU = 0.4;
    private static final double INFLECTION = 0.3;
    private static final String CMG_NAME = "cmg_mu0.4_I0.3";
    private static final double[] THRESHOLDS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    private static final double[] GRID = {0.2, 0.4, 0.6, 0.8};
    private static final FragmentMethod FRAGMENTS = new FragmentMethod.DistanceTransform(true);
    private static final QueueType QUEUE = new QueueType(256);

    @Spec
    CommandSpec spec;

    @Option(names = "--output", defaultValue = "cmgseg-demo", paramLabel = "DIR",
            description = "Folder for the results (default: ${DEFAULT-VALUE}).")
    Path output;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        NewOutputs.checkFolder(output); // the demo's folder is its own: a new demo replaces what it holds
        Files.createDirectories(output);
        PrintWriter out = spec.commandLine().getOut();
        StorageOptions storage = new StorageOptions();
        writeCurves(out);

        try (ProgressBars progress = new ProgressBars(spec.commandLine().getErr())) {
            RunContext context = RunningCommand.start(Parallel.availableThreads(), progress);
            SyntheticVolume volume = SyntheticEm.generate(SyntheticParameters.defaults(), context);
            DatasetAddress data = new DatasetAddress(output.resolve("synthetic.n5"), Format.N5, "/");
            SynthesizeCommand.write(volume, data, storage, context);
            AffinityGraph original = volume.affinities();
            Cmg curve = SoftThreshold.curve(MU, INFLECTION, ValueRange.of(original.values()), LogitMethod.EXACT);
            float[] transformed = new float[original.values().length];
            new CmgTransform(curve, context.threads()).apply(original.values(), transformed);
            AffinityGraph cmg = new AffinityGraph(original.grid(), transformed);
            SynthesizeCommand.writeAffinities(data.resolve("affinities_" + CMG_NAME), cmg,
                    Geometry.ofResolution(volume.resolutionZyx()).attributes(Format.N5), storage, context);
            Main.println(out, "synthetic EM volume " + volume.grid() + ", its affinities and their CMG soft threshold (mu 0.4, I 0.3): "
                    + output.resolve("synthetic.n5").toAbsolutePath());

            DatasetAddress segmentations = new DatasetAddress(output.resolve("segmentation.n5"), Format.N5, "/");
            SegmentationResult plain = segment(original, segmentations.resolve("original"), volume, storage, context);
            SegmentationResult soft = segment(cmg, segmentations.resolve(CMG_NAME), volume, storage, context);
            Main.println(out, "segmentations (median_aff_histograms, one per threshold): " + output.resolve("segmentation.n5").toAbsolutePath());
            printComparison(plain, soft, volume.labels(), context, out);

            Path folder = output.resolve("gridsearch");
            if (Files.exists(folder.resolve(GridSearch.PARAMETERS_FILE))) {
                DirectoryDatasets.delete(folder); // an earlier demo's: start afresh
            }
            GridInputs inputs = new GridInputs(data.resolve("affinities").toString(), data.resolve("labels").toString(), FRAGMENTS, true,
                    null, null, null, null);
            GridSpec grid = new GridSpec(GRID, GRID, GridSpec.PAPER_MERGE_FUNCTIONS, QUEUE, THRESHOLDS);
            GridResults results = GridSearch.prepare(inputs, grid, folder, context).run();
            GridSearchPlots.write(results, folder);
            Main.println(out, "");
            Main.println(out, "grid search: mu, I in {0.2, 0.4, 0.6, 0.8}, 5 merge functions, 9 thresholds, and the baseline: "
                    + folder.toAbsolutePath());
            GridSearchCommand.bestTable(results.best()).forEach(line -> Main.println(out, line));
        }
        Main.println(out, String.format(Locale.ROOT, "demo done in %.0f s", (System.nanoTime() - start) / 1e9));
        return 0;
    }

    private void writeCurves(PrintWriter out) throws IOException {
        Path plot = output.resolve("cmg_curves.png");
        CurveFamilyPlot.write(Cmg.unit(CURVES[0][0], CURVES[0][1]), plot);
        Path table = output.resolve("cmg_values.tsv");
        AtomicFiles.write(table, temporary -> Files.writeString(temporary, valueTable()));
        Main.println(out, "CMG curve family (mu 0.4, I 0.3 and neighbours): " + plot.toAbsolutePath());
        Main.println(out, "CMG values on [0, 1] for " + CURVES.length + " curves:      " + table.toAbsolutePath());
    }

    private static SegmentationResult segment(AffinityGraph affinities, DatasetAddress group, SyntheticVolume volume, StorageOptions storage,
            RunContext context) throws IOException {
        SegmentationOptions options = SegmentationOptions.of(MergeFunction.parse("median_aff_histograms"), QUEUE,
                THRESHOLDS).withFragments(FRAGMENTS);
        SegmentationResult result = SegmentationPipeline.run(affinities, options, context);
        DatasetInfo info = storage.output(volume.grid().dimensions(), DataType.UINT64, new int[] {64, 64, 16}, Format.N5);
        try (SegmentationWriter writer = SegmentationWriter.open(group, Geometry.ofResolution(volume.resolutionZyx()), info, true)) {
            writer.write(result, FRAGMENTS, context);
            writer.commit();
        }
        return result;
    }

    /** Segments and CREMI score per threshold, untransformed against CMG. */
    private static void printComparison(SegmentationResult plain, SegmentationResult soft, long[] groundTruth, RunContext context,
            PrintWriter out) {
        Main.println(out, String.format(Locale.ROOT, "%10s  %20s  %20s", "", "original", "CMG mu 0.4, I 0.3"));
        Main.println(out, String.format(Locale.ROOT, "%10s  %9s %10s  %9s %10s", "threshold", "segments", "CREMI", "segments", "CREMI"));
        for (int t = 0; t < THRESHOLDS.length; t++) {
            Main.println(out, String.format(Locale.ROOT, "%10s  %9d %10.4f  %9d %10.4f", CFormat.shortest(THRESHOLDS[t]),
                    plain.segmentCount(t), cremiScore(plain, t, groundTruth, context), soft.segmentCount(t),
                    cremiScore(soft, t, groundTruth, context)));
        }
    }

    private static double cremiScore(SegmentationResult result, int threshold, long[] groundTruth, RunContext context) {
        return CremiMetrics.of(ContingencyTable.of(groundTruth, result.segmentation(threshold), context)).cremiScore();
    }

    private static String valueTable() {
        StringBuilder tsv = new StringBuilder("x");
        Cmg[] curves = new Cmg[CURVES.length];
        for (int c = 0; c < CURVES.length; c++) {
            curves[c] = Cmg.unit(CURVES[c][0], CURVES[c][1]);
            tsv.append("\tmu=").append(CFormat.shortest(CURVES[c][0])).append(",I=").append(CFormat.shortest(CURVES[c][1]));
        }
        tsv.append('\n');
        for (int i = 0; i <= 20; i++) {
            double x = i / 20.0;
            tsv.append(CFormat.g17(x));
            for (Cmg curve : curves) {
                tsv.append('\t').append(CFormat.g17(curve.value(x)));
            }
            tsv.append('\n');
        }
        return tsv.toString();
    }
}
