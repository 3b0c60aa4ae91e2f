package org.cmgseg.cli;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.data.SyntheticEm;
import org.cmgseg.data.SyntheticParameters;
import org.cmgseg.data.SyntheticVolume;
import org.cmgseg.segmentation.evaluate.ContingencyTable;
import org.cmgseg.segmentation.evaluate.CremiMetrics;
import org.cmgseg.segmentation.evaluate.GroundTruth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cmgseg bench evaluate}: a whole {@code cmgseg evaluate} of two files, reads included, in a JVM of its
 * own; or the CREMI evaluation of a large synthetic segmentation, stage by stage.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"With --segmentation and --groundtruth: time one whole 'cmgseg evaluate' of them (reads included; "
                + "with the border mask of --border-threshold and --resolution if given) in a JVM "
                + "of its own and print one line of key=value fields: wall_s and peak_rss_mb of that JVM, threads, and the "
                + "CREMI scores. Without them: seconds (median of --repeats runs) of the CREMI evaluation of a synthetic segmentation "
                + "against synthetic ground truth, stage by stage: the contingency table, the metrics from it, and the 25 nm "
                + "border mask. The segmentation is the ground truth with objects merged in groups, split at mid-depth, and 0 "
                + "on its boundaries."},
        footer = {"", "The same work with cremi_python (python3 branch; with numpy 1.24 its rand.py needs int(np.amax(..)) + 1, and "
                        + "np.bool = bool and builtins.xrange = range before the import), for a side-by-side run:",
                "  /usr/bin/time -v python3 -c \"import h5py; from cremi import Volume; from cremi.evaluation import NeuronIds; r = (40, 4, 4); "
                        + "s = Volume(h5py.File('seg.h5', 'r')['s'][...], resolution=r); "
                        + "e = NeuronIds(Volume(h5py.File('gt.h5', 'r')['gt'][...], resolution=r), border_threshold=25); "
                        + "print(e.voi(s), e.adapted_rand(s))\"",
                "against: cmgseg bench evaluate --segmentation seg.h5:/s --groundtruth gt.h5:/gt --border-threshold 25 --resolution 40,4,4 "
                        + "--threads 2",
                "Measured side by side on this machine type (2 cores, 64 Mvoxels, two gzip uint64 HDF5 reads, border 25 nm): "
                        + "cremi_python 24.8 s (read 1.5, mask 4.2, VOI 13.7, ARAND 4.8) and 4.5 GB peak RSS, cmgseg 1.8 s and 1.1 GB."})
final class BenchEvaluateCommand implements Callable<Integer> {

    /** cremi_python's seconds for VOI + ARAND + casts on 64 Mvoxels, scaled by voxel count below. */
    private static final double REFERENCE_SECONDS = 20.2;
    private static final double REFERENCE_VOXELS = 64e6;

    @Spec
    CommandSpec spec;

    @Option(names = "--segmentation", paramLabel = "ADDR", description = "A segmentation to evaluate (with --groundtruth).")
    String segmentation;

    @Option(names = "--groundtruth", paramLabel = "ADDR", description = "Its ground truth.")
    String groundTruth;

    @Option(names = "--size", defaultValue = "100,800,800", paramLabel = "Z,Y,X", description = "Voxels (default: ${DEFAULT-VALUE}, 64 Mvoxels).")
    String size;

    @Option(names = "--repeats", defaultValue = "3", description = "Runs per stage; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Mixin
    BorderOptions border;

    @Mixin
    ThreadOptions threads;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if ((segmentation == null) != (groundTruth == null)) {
            throw new IllegalArgumentException("give both --segmentation and --groundtruth, or neither (a synthetic volume)");
        }
        if (segmentation != null) {
            return timeEvaluate();
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeats must be at least 1, got " + repeats);
        }
        RunContext context = threads.context(Progress.NONE);
        int t = context.threads();
        long[] dims = Volumes.dimensionsOfShape(size, 3, "--size");
        VoxelGrid grid = VoxelGrid.ofShape(dims[2], dims[1], dims[0]);
        PrintWriter out = spec.commandLine().getOut();
        Main.println(out, "making the synthetic volume " + grid + " ...");
        SyntheticVolume volume = SyntheticEm.generate(SyntheticParameters.defaults().withGrid(grid), context);
        long[] gt = volume.labels();
        long[] seg = segmentation(volume, context);

        double tableSeconds = median(() -> ContingencyTable.of(gt, seg, context));
        ContingencyTable table = ContingencyTable.of(gt, seg, context);
        double metricSeconds = median(() -> CremiMetrics.of(table));
        double maskSeconds = median(() -> GroundTruth.masked(gt, grid, 25, SyntheticParameters.PIXEL_NM, "the ground truth", context));
        double total = tableSeconds + metricSeconds;
        double reference = REFERENCE_SECONDS * grid.voxels() / REFERENCE_VOXELS;

        Main.println(out, String.format(Locale.ROOT, "%s, %d label pairs, %d threads, median of %d; cremi_score %s", grid, table.pairs(), t,
                repeats, CFormat.g17(CremiMetrics.of(table).cremiScore())));
        Main.println(out, String.format(Locale.ROOT, "%-34s %10s", "stage", "seconds"));
        Main.println(out, String.format(Locale.ROOT, "%-34s %10.3f", "contingency table", tableSeconds));
        Main.println(out, String.format(Locale.ROOT, "%-34s %10.3f", "VOI, ARAND, CREMI score", metricSeconds));
        Main.println(out, String.format(Locale.ROOT, "%-34s %10.3f", "evaluation (the two above)", total));
        Main.println(out, String.format(Locale.ROOT, "%-34s %10.3f", "border mask, 25 nm", maskSeconds));
        Main.println(out, String.format(Locale.ROOT, "cremi_python, scaled to this size: %.1f s (VOI + ARAND + casts) -> %.0fx faster",
                reference, reference / total));
        return 0;
    }

    private int timeEvaluate() throws IOException, InterruptedException {
        int t = threads.threads();
        List<String> args = new java.util.ArrayList<>(List.of("evaluate", "--segmentation", segmentation, "--groundtruth", groundTruth,
                "--json", "--threads", Integer.toString(t)));
        if (border.threshold != null) {
            args.addAll(List.of("--border-threshold", border.threshold.toString()));
        }
        if (border.resolution != null) {
            args.addAll(List.of("--resolution", border.resolution));
        }
        ChildJvm.Result run = ChildJvm.run(List.of(), args.toArray(String[]::new));
        if (run.exitCode() != 0) {
            throw new IOException("the evaluation failed: " + run.output());
        }
        List<String> lines = run.output().lines().toList();
        StringBuilder scores = new StringBuilder();
        JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject().entrySet()
                .forEach(score -> scores.append(' ').append(score.getKey()).append('=').append(score.getValue()));
        Main.println(spec.commandLine().getOut(), String.format(Locale.ROOT, "wall_s=%.2f peak_rss_mb=%d threads=%d%s",
                run.seconds(), run.peakResidentBytes() >> 20, t, scores));
        return 0;
    }

    /** Ground-truth objects merged in groups of about three, split at mid-depth, and 0 where the boundary is likely. */
    private static long[] segmentation(SyntheticVolume volume, RunContext context) {
        long[] gt = volume.labels();
        float[] boundary = volume.boundary();
        int slice = volume.grid().sizeX() * volume.grid().sizeY();
        int half = volume.grid().sizeZ() / 2;
        long objects = Arrays.stream(gt).max().orElse(0) + 1;
        long[] seg = new long[gt.length];
        context.forRange(gt.length, (from, to) -> {
            for (int v = from; v < to; v++) {
                long merged = gt[v] / 3 + 1;
                seg[v] = boundary[v] > 0.9f ? 0 : v / slice < half ? merged : merged + objects;
            }
        });
        return seg;
    }

    private double median(Runnable stage) {
        double[] seconds = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            stage.run();
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[repeats / 2];
    }
}
