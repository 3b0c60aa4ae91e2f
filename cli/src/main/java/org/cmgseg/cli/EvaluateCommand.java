package org.cmgseg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.Labels;
import org.cmgseg.core.Cancelled;
import org.cmgseg.core.Parallel;
import org.cmgseg.core.RunContext;
import org.cmgseg.segmentation.evaluate.ContingencyTable;
import org.cmgseg.segmentation.evaluate.CremiMetrics;
import org.cmgseg.segmentation.evaluate.CremiScores;
import org.cmgseg.segmentation.evaluate.GroundTruth;
import org.cmgseg.segmentation.evaluate.SkimageScores;
import org.cmgseg.segmentation.evaluate.WaterzScores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cmgseg evaluate}: a segmentation against ground truth, with the CREMI metrics. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score a segmentation against ground truth as the CREMI challenge's code (cremi_python) does: VOI split "
                + "and merge (bits; ground truth 0 is ignored, segmentation 0 is a label), adapted Rand error (segmentation 0 "
                + "inside labelled ground truth counts as singletons) and the CREMI score sqrt(VOI * ARAND); lower is better. "
                + "Both volumes are integer labels (z, y, x) of the same shape."},
        footer = {"", "Conventions:",
                "  cremi    voi_split, voi_merge, adapted_rand, cremi_score (the default)",
                "  waterz   V_Rand_split, V_Rand_merge, V_Info_split, V_Info_merge as waterz.evaluate",
                "           reports them (Rand: 1 is perfect; segmentation 0 is a label)",
                "  skimage  adapted_rand_error, precision, recall of skimage.metrics.adapted_rand_error",
                "           (segmentation 0 is a label) and voi_split, voi_merge of",
                "           variation_of_information(ignore_labels=(0,))",
                "", "Examples:",
                "  cmgseg evaluate --segmentation seg.n5:/segmentation/0.5 --groundtruth sample_B.hdf:/volumes/labels/neuron_ids",
                "  cmgseg evaluate --segmentation seg.h5:/s --groundtruth gt.h5:/gt --border-threshold 25 --resolution 40,4,4 --json"})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--segmentation", required = true, paramLabel = "ADDR", description = "The segmentation, integer labels (z, y, x).")
    String segmentation;

    @Option(names = "--groundtruth", required = true, paramLabel = "ADDR", description = "Ground truth, integer labels (z, y, x); 0 = ignore.")
    String groundTruth;

    @Mixin
    BorderOptions border;

    @Option(names = "--convention", defaultValue = "cremi", paramLabel = "cremi|waterz|skimage",
            description = "Whose metrics to report (default: ${DEFAULT-VALUE}).")
    String convention;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Mixin
    ThreadOptions threads;

    @Override
    public Integer call() throws IOException {
        if (!convention.matches("cremi|waterz|skimage")) {
            throw new IllegalArgumentException("--convention must be cremi, waterz or skimage, got '" + convention + "'");
        }
        try (ProgressBars progress = new ProgressBars(spec.commandLine().getErr())) {
            evaluate(threads.context(progress));
        }
        return 0;
    }

    private void evaluate(RunContext context) throws IOException {
        DatasetAddress segAddress = DatasetAddress.parse(segmentation);
        DatasetAddress gtAddress = DatasetAddress.parse(groundTruth);
        try (Containers.OpenDataset segOpen = Containers.open(segAddress); Containers.OpenDataset gtOpen = Containers.open(gtAddress)) {
            DatasetInfo segInfo = segOpen.dataset().info();
            DatasetInfo gtInfo = gtOpen.dataset().info();
            Labels.check(segInfo, segAddress.toString());
            if (!Arrays.equals(gtInfo.dimensions(), segInfo.dimensions())) {
                throw new IllegalArgumentException("the segmentation " + segAddress + " has shape " + segInfo.shapeText()
                        + " but the ground truth " + gtAddress + " has shape " + gtInfo.shapeText());
            }
            double[] resolution = border.resolutionZyx(gtAddress);
            // the two volumes are read (and the ground truth masked) at the same time: each read allocates and zeroes its
            // volume on one thread, and those serial steps of one overlap the parallel decompression of the other
            Future<GroundTruth> gtRead = Parallel.background(
                    () -> GroundTruth.read(gtOpen.dataset(), "the ground truth " + gtAddress, border.threshold, resolution, context));
            long[] seg;
            try {
                seg = Labels.read(segOpen.dataset(), segAddress.toString(), context);
            } catch (IOException | RuntimeException | Error e) {
                // the segmentation's failure is the one reported; the ground truth's read ends before its container closes
                try {
                    finished(gtRead);
                } catch (IOException | RuntimeException | Error ignored) {
                    e.addSuppressed(ignored);
                }
                throw e;
            }
            GroundTruth gt = finished(gtRead);
            print(ContingencyTable.of(gt.labels(), seg, context), spec.commandLine().getOut());
        }
    }

    /** The result of a background read, its failure thrown as it was thrown there. */
    private static <T> T finished(Future<T> read) throws IOException {
        try {
            return read.get();
        } catch (InterruptedException e) {
            read.cancel(true);
            Thread.currentThread().interrupt();
            throw new Cancelled();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void print(ContingencyTable table, PrintWriter out) {
        Json.JsonObject scores = Json.object();
        switch (convention) {
            case "waterz" -> {
                WaterzScores w = WaterzScores.of(table);
                scores.put("V_Rand_split", w.randSplit()).put("V_Rand_merge", w.randMerge()).put("V_Info_split", w.infoSplit())
                        .put("V_Info_merge", w.infoMerge());
            }
            case "skimage" -> {
                SkimageScores s = SkimageScores.of(table);
                scores.put("adapted_rand_error", s.adaptedRandError()).put("precision", s.precision()).put("recall", s.recall())
                        .put("voi_split", s.voiSplit()).put("voi_merge", s.voiMerge());
            }
            default -> {
                CremiScores c = CremiMetrics.of(table);
                scores.put("voi_split", c.voiSplit()).put("voi_merge", c.voiMerge()).put("adapted_rand", c.adaptedRand())
                        .put("cremi_score", c.cremiScore());
            }
        }
        if (json) {
            Main.println(out, scores.toString());
            return;
        }
        for (String key : scores.keys()) {
            Main.println(out, String.format(Locale.ROOT, "%-20s %s", key, CFormat.g17((Double) scores.get(key))));
        }
    }
}
