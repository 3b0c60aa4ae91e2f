package org.cmgseg.segmentation.gridsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.WaterzReference;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.evaluate.GroundTruth;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.testkit.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grid search on arrays in memory, with no folder or in a run folder, gives the rows of the same search run on
 * the files in a folder, and its run folder resumes; a sink that holds finished curves has them kept, not computed again.
 */
class GridSearchOnArraysTest {

    private static final GridSpec SPEC = new GridSpec(new double[] {0.3, 0.8}, new double[] {0.2}, List.of("median_aff_histograms",
            "85_aff", "mean"), QueueType.parse("bins:256"), WaterzReference.THRESHOLDS);

    private static GridVolumes volumes;

    @BeforeAll
    static void arrays() {
        AffinityGraph affinities = WaterzReference.affinities("affinities");
        long[] labels = (long[]) WaterzReference.read("gala_train_inputs.h5", "/volumes/labels/neuron_ids");
        volumes = GridVolumes.of(affinities, GroundTruth.of(labels, "the ground truth"));
    }

    @Test
    void theRowsOfArraysEqualThoseOfTheFiles(@TempDir Path folder) throws IOException {
        Path inputs = SharedData.require(WaterzReference.DIRECTORY + "gala_train_inputs.h5");
        GridInputs files = new GridInputs(inputs + ":/volumes/affinities", inputs + ":/volumes/labels/neuron_ids", FragmentMethod.waterz(),
                false, null, null, null, null);
        List<GridRow> expected = GridSearch.prepare(files, SPEC, folder.resolve("run"), RunContext.of(2, Progress.NONE)).run().rows();

        GridSearch search = GridSearch.prepare(volumes, GridFragments.once(FragmentMethod.waterz()), SPEC, GridSink.NONE,
                RunContext.of(2, Progress.NONE));
        GridResults results = search.run();
        assertEquals(3 * 3 * WaterzReference.THRESHOLDS.length, results.rows().size());
        assertEquals(expected, results.rows());
        assertEquals(0, search.resumedCurves());
        assertTrue(search.summary().faces() > 0);

        GridSearch.prepare(volumes, GridFragments.once(FragmentMethod.waterz()), SPEC, folder.resolve("arrays"), RunContext.of(2,
                Progress.NONE)).run();
        for (String file : List.of(GridSearch.RESULTS_FILE, GridSearch.BEST_FILE)) {
            assertEquals(Files.readString(folder.resolve("run").resolve(file)), Files.readString(folder.resolve("arrays").resolve(file)), file);
        }
    }

    @Test
    void aRunFolderOfArraysResumesAndRefusesOtherArrays(@TempDir Path folder) throws IOException {
        Path run = folder.resolve("run");
        GridFragments fragments = GridFragments.once(FragmentMethod.waterz());
        GridResults first = GridSearch.prepare(volumes, fragments, SPEC, run, RunContext.of(2, Progress.NONE)).run();
        String results = Files.readString(run.resolve(GridSearch.RESULTS_FILE));

        GridSearch again = GridSearch.prepare(volumes, fragments, SPEC, run, RunContext.of(2, Progress.NONE));
        assertEquals(SPEC.curves().size(), again.resumedCurves(), "every curve read back, none computed");
        assertEquals(first.rows(), again.run().rows());
        assertEquals(results, Files.readString(run.resolve(GridSearch.RESULTS_FILE)));

        long[] labels = volumes.groundTruth().labels().clone();
        labels[0] = labels[0] == 1 ? 2 : 1;
        GridVolumes other = GridVolumes.of(volumes.affinities(), GroundTruth.of(labels, "the ground truth"));
        String message = assertThrows(IllegalArgumentException.class, () -> GridSearch.prepare(other, fragments, SPEC, run,
                RunContext.sequential())).getMessage();
        assertTrue(message.startsWith(run.resolve(GridSearch.PARAMETERS_FILE) + " is a run with other parameters (ground_truth \"in memory: "
                + "uint64 labels, SHA-256 " + InMemoryInputs.sha256(volumes.groundTruth().labels()) + "\" there, "), message);
        assertEquals(results, Files.readString(run.resolve(GridSearch.RESULTS_FILE)), "the refused run changed nothing");
    }

    @Test
    void arraysOutsideTheUnitRangeOrOfAnotherShapeAreRefused() {
        VoxelGrid grid = new VoxelGrid(4, 3, 2);
        float[] values = new float[3 * 24];
        values[5] = 1.5f;
        GroundTruth labels = GroundTruth.of(new long[] {1, 2, 3}, "the ground truth");
        assertEquals("the ground truth has 3 voxels but the affinities have (z, y, x) = (2, 3, 4)", assertThrows(
                IllegalArgumentException.class, () -> GridVolumes.of(new AffinityGraph(grid, values), labels)).getMessage());
        long[] oneObject = new long[24];
        oneObject[0] = 1;
        GroundTruth matching = GroundTruth.of(oneObject, "the ground truth");
        assertEquals("the affinities must lie in [0, 1] and be finite, but they range from 0.0 to 1.5", assertThrows(
                IllegalArgumentException.class, () -> GridVolumes.of(new AffinityGraph(grid, values), matching)).getMessage());
        values[5] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> GridVolumes.of(new AffinityGraph(grid, values), matching));
    }

    @Test
    void curvesTheSinkHoldsAreKeptAndOnlyTheOthersComputed() throws IOException {
        GridResults complete = GridSearch.prepare(volumes, GridFragments.once(FragmentMethod.waterz()), SPEC, GridSink.NONE,
                RunContext.sequential()).run();
        GridCurve held = new GridCurve(0.3, 0.2);
        List<GridCurve> computed = new ArrayList<>();
        GridSink sink = new GridSink() {
            @Override
            public Map<GridCurve, List<GridRow>> start(GridSummary summary) {
                return Map.of(held, complete.rows(held));
            }

            @Override
            public synchronized void curveDone(List<GridRow> rows) {
                computed.add(rows.get(0).curve());
            }

            @Override
            public void finish(GridResults results) {
                assertEquals(complete.rows(), results.rows());
            }
        };
        GridSearch search = GridSearch.prepare(volumes, GridFragments.once(FragmentMethod.waterz()), SPEC, sink, RunContext.of(2,
                Progress.NONE));
        assertEquals(1, search.resumedCurves());
        assertEquals(complete.rows(), search.run().rows());
        assertEquals(2, computed.size());
        assertEquals(Set.of(GridCurve.BASELINE, new GridCurve(0.8, 0.2)), new HashSet<>(computed));
    }
}
