package org.cmgseg.segmentation.gridsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
 * The grid search on arrays in memory, with no folder, gives the rows of the same search run on the
 * files in a folder; a sink that holds finished curves has them kept, not computed again.
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
