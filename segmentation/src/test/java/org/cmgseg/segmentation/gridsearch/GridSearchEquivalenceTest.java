package org.cmgseg.segmentation.gridsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.Datasets;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.cmg.Cmg;
import org.cmgseg.cmg.CmgTransform;
import org.cmgseg.cmg.LogitMethod;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.segmentation.SegmentationOptions;
import org.cmgseg.segmentation.SegmentationPipeline;
import org.cmgseg.segmentation.SegmentationResult;
import org.cmgseg.segmentation.WaterzReference;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.evaluate.ContingencyTable;
import org.cmgseg.segmentation.evaluate.CremiMetrics;
import org.cmgseg.segmentation.evaluate.CremiScores;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.fragments.Fragments;
import org.cmgseg.segmentation.merge.MergeFunction;
import org.cmgseg.testkit.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grid search on the gala fixture equals, row by row, the whole pipeline run on each
 * CMG-transformed volume and scored directly, and reproduces waterz + cremi_python's numbers.
 */
class GridSearchEquivalenceTest {

    private static final double[] THRESHOLDS = WaterzReference.THRESHOLDS;

    @TempDir
    static Path folder;

    private static Path inputs;
    private static GridResults results;

    @BeforeAll
    static void search() throws IOException {
        inputs = SharedData.require(WaterzReference.DIRECTORY + "gala_train_inputs.h5");
        GridSpec spec = new GridSpec(new double[] {0.3, 0.8}, new double[] {0.2, 0.5}, GridSpec.PAPER_MERGE_FUNCTIONS, new QueueType(256),
                THRESHOLDS);
        results = GridSearch.prepare(galaInputs(false), spec, folder.resolve("once"), RunContext.of(2, Progress.NONE)).run();
    }

    private static GridInputs galaInputs(boolean fragmentsPerCurve) {
        return new GridInputs(inputs + ":/volumes/affinities", inputs + ":/volumes/labels/neuron_ids", FragmentMethod.waterz(),
                fragmentsPerCurve, null, null, null, null);
    }

    private static long[] groundTruth() {
        return (long[]) WaterzReference.read("gala_train_inputs.h5", "/volumes/labels/neuron_ids");
    }

    private static void assertScores(CremiScores expected, CremiScores actual, String what) {
        assertEquals(expected.voiSplit(), actual.voiSplit(), 1e-9, what + " voi_split");
        assertEquals(expected.voiMerge(), actual.voiMerge(), 1e-9, what + " voi_merge");
        assertEquals(expected.adaptedRand(), actual.adaptedRand(), 1e-9, what + " adapted_rand");
        assertEquals(expected.cremiScore(), actual.cremiScore(), 1e-9, what + " cremi_score");
    }

    /** The whole volume transformed over its own minimum and maximum, independently of the grid search. */
    private static AffinityGraph transformed(AffinityGraph affinities, GridCurve curve) {
        float[] values = affinities.values();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float[] out = new float[values.length];
        new CmgTransform(Cmg.softThreshold(curve.mu(), curve.inflection(), min, max, LogitMethod.EXACT), 2).apply(values, out);
        return new AffinityGraph(affinities.grid(), out);
    }

    @Test
    void everyRowEqualsThePipelineOnTheTransformedVolumeScoredDirectly() throws IOException {
        AffinityGraph original = WaterzReference.affinities("affinities");
        long[] gt = groundTruth();
        int compared = 0;
        for (GridCurve curve : results.spec().curves()) {
            AffinityGraph affinities = curve.isBaseline() ? original : transformed(original, curve);
            for (String function : results.spec().mergeFunctions()) {
                SegmentationOptions options = SegmentationOptions.of(MergeFunction.parse(function), new QueueType(256), THRESHOLDS)
                        .withFragments(new FragmentMethod.Precomputed(WaterzReference.watershed("affinities")));
                SegmentationResult pipeline = SegmentationPipeline.run(affinities, options, RunContext.of(2, Progress.NONE));
                List<GridRow> rows = results.rows(curve, function);
                for (int t = 0; t < THRESHOLDS.length; t++) {
                    String what = curve + " " + function + " t" + THRESHOLDS[t];
                    assertEquals(THRESHOLDS[t], rows.get(t).threshold(), what);
                    assertScores(CremiMetrics.of(ContingencyTable.of(gt, pipeline.segmentation(t), RunContext.of(2, Progress.NONE))), rows.get(t).scores(), what);
                    assertEquals(pipeline.segmentCount(t), rows.get(t).segments(), what + " segments");
                    compared++;
                }
            }
        }
        assertEquals(5 * 5 * 9, compared);
    }

    @Test
    void theCurvesSpanTheVolumesOwnRange() throws IOException {
        AffinityGraph original = WaterzReference.affinities("affinities");
        float[] scaled = new float[original.values().length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = 0.25f + 0.5f * original.values()[i];
        }
        AffinityGraph affinities = new AffinityGraph(original.grid(), scaled);
        Path n5 = folder.resolve("scaled.n5");
        try (Container container = Containers.openForWriting(n5, Format.N5);
             DatasetWriter writer = container.create("/affinities", new DatasetInfo(new long[] {200, 100, 50, 3},
                     new int[] {200, 100, 50, 1}, DataType.FLOAT32, Compression.RAW))) {
            Datasets.writeAll(writer, scaled);
            writer.commit();
        }
        GridInputs scaledInputs = new GridInputs(n5 + ":/affinities", inputs + ":/volumes/labels/neuron_ids", FragmentMethod.waterz(),
                false, null, null, null, null);
        GridSpec spec = new GridSpec(new double[] {0.8}, new double[] {0.2}, List.of("median_aff_histograms"), new QueueType(256),
                THRESHOLDS);
        GridCurve curve = new GridCurve(0.8, 0.2);
        List<GridRow> rows = GridSearch.prepare(scaledInputs, spec, folder.resolve("scaled"), RunContext.of(2, Progress.NONE)).run()
                .rows(curve);
        Fragments fragments = SegmentationPipeline.fragments(FragmentMethod.waterz(), AffinitySource.of(affinities), RunContext.of(2, Progress.NONE));
        SegmentationOptions options = SegmentationOptions.of(MergeFunction.parse("median_aff_histograms"), new QueueType(256), THRESHOLDS)
                .withFragments(new FragmentMethod.Precomputed(fragments));
        SegmentationResult pipeline = SegmentationPipeline.run(transformed(affinities, curve), options, RunContext.of(2, Progress.NONE));
        for (int t = 0; t < THRESHOLDS.length; t++) {
            assertScores(CremiMetrics.of(ContingencyTable.of(groundTruth(), pipeline.segmentation(t), RunContext.of(2, Progress.NONE))), rows.get(t).scores(),
                    "t" + THRESHOLDS[t]);
            assertEquals(pipeline.segmentCount(t), rows.get(t).segments());
        }
    }

    /** The rows of a curve against cremi_python's numbers for waterz's segmentations of an affinity variant (256 bins). */
    private static void assertReproducesReference(List<GridRow> rows, String variant) {
        int compared = 0;
        for (GridRow row : rows) {
            for (JsonObject record : WaterzReference.records()) {
                if (record.get("affinity_variant").getAsString().equals(variant) && record.get("discretize_queue").getAsInt() == 256
                        && record.get("merge_function").getAsString().equals(row.mergeFunction())
                        && record.get("threshold").getAsDouble() == row.threshold()) {
                    JsonObject cremi = record.getAsJsonObject("cremi_python");
                    CremiScores expected = new CremiScores(cremi.get("voi_split").getAsDouble(), cremi.get("voi_merge").getAsDouble(),
                            cremi.get("adapted_rand").getAsDouble(), cremi.get("cremi_score").getAsDouble());
                    String what = variant + " " + row.mergeFunction() + " t" + row.threshold();
                    assertScores(expected, row.scores(), what);
                    assertEquals(record.get("n_segments").getAsLong(), row.segments(), what + " segments");
                    compared++;
                }
            }
        }
        assertEquals(5 * 9, compared, variant);
    }

    @Test
    void theBaselineReproducesWaterzAndCremiPython() {
        assertReproducesReference(results.rows(GridCurve.BASELINE), "affinities");
    }

    @Test
    void aCurveWithoutFloat32TiesReproducesWaterzOnTheStoredCmgVolume() {
        // mu 0.3, I 0.5 maps distinct affinities to distinct values, so the fragments are those of the original
        assertReproducesReference(results.rows(new GridCurve(0.3, 0.5)), "affinities_cmg_mu0.3_I0.5");
    }

    @Test
    void fragmentsPerCurveReproduceWaterzOnTheStoredCmgVolumeDespiteTies() throws IOException {
        GridSpec spec = new GridSpec(new double[] {0.8}, new double[] {0.2}, GridSpec.PAPER_MERGE_FUNCTIONS, new QueueType(256),
                THRESHOLDS);
        GridResults perCurve = GridSearch.prepare(galaInputs(true), spec, folder.resolve("per-curve"), RunContext.of(2, Progress.NONE)).run();
        assertReproducesReference(perCurve.rows(new GridCurve(0.8, 0.2)), "affinities_cmg_mu0.8_I0.2");
        assertReproducesReference(perCurve.rows(GridCurve.BASELINE), "affinities");
    }

    @Test
    void theFilesHoldEveryRowInGridOrderAndTheBestOfEach() throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve("once").resolve(GridSearch.RESULTS_FILE));
        assertEquals(ResultsCsv.HEADER, lines.get(0));
        assertEquals(1 + 5 * 45, lines.size());
        List<GridRow> rows = results.rows();
        GridRow bestBaseline = null;
        GridRow bestCmg = null;
        for (int i = 0; i < rows.size(); i++) {
            GridRow row = ResultsCsv.parse(lines.get(i + 1));
            assertEquals(rows.get(i), row, "line " + (i + 2));
            if (row.curve().isBaseline() && (bestBaseline == null || row.scores().cremiScore() < bestBaseline.scores().cremiScore())) {
                bestBaseline = row;
            }
            if (!row.curve().isBaseline() && (bestCmg == null || row.scores().cremiScore() < bestCmg.scores().cremiScore())) {
                bestCmg = row;
            }
        }
        assertEquals(GridCurve.BASELINE, ResultsCsv.parse(lines.get(1)).curve(), "the baseline comes first");
        assertEquals(new GridCurve(0.8, 0.5), ResultsCsv.parse(lines.get(lines.size() - 1)).curve(), "mu slowest, then I");
        JsonObject best = com.google.gson.JsonParser.parseString(Files.readString(folder.resolve("once").resolve(GridSearch.BEST_FILE)))
                .getAsJsonObject();
        assertEquals(bestBaseline.toJson(), best.get("baseline"));
        assertEquals(bestCmg.toJson(), best.get("cmg"));
        double b = bestBaseline.scores().cremiScore();
        assertEquals((b - bestCmg.scores().cremiScore()) / b, best.get("relative_improvement").getAsDouble(), 0);
    }
}
