package org.cmgseg.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Random;
import org.cmgseg.affinities.io.ArrayDataset;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.fragments.Fragments;
import org.cmgseg.segmentation.merge.MergeFunction;
import org.junit.jupiter.api.Test;

/**
 * User-supplied fragments with arbitrary uint64 labels (beyond 2^63 too): renumbering keeps their
 * unsigned order, so the agglomeration is the one of dense labels, relabelled.
 */
class SuppliedFragmentsTest {

    @Test
    void arbitraryLabelsAgglomerateAsTheirDenseRanks() throws IOException {
        Fragments dense = WaterzReference.watershed("affinities");
        Random random = new Random(42);
        long[] labelOf = new long[dense.count() + 1];
        long label = 0x7fff_ffff_ff00_0000L;
        for (int i = 1; i < labelOf.length; i++) {
            label += 1 + random.nextInt(1 << 20);
            labelOf[i] = label;
        }
        long[] volume = new long[dense.ids().length];
        for (int v = 0; v < volume.length; v++) {
            volume[v] = labelOf[dense.ids()[v]];
        }
        VoxelGrid grid = dense.grid();
        ArrayDataset supplied = new ArrayDataset(grid.dimensions(), DataType.UINT64, volume);
        SegmentationOptions options = SegmentationOptions.of(MergeFunction.parse("median_aff_histograms"), QueueType.EXACT, 0.3, 0.7);
        SegmentationResult expected = SegmentationPipeline.run(WaterzReference.affinities("affinities"),
                options.withFragments(new FragmentMethod.Precomputed(dense)), RunContext.sequential());
        SegmentationResult actual = SegmentationPipeline.run(WaterzReference.affinities("affinities"),
                options.withFragments(new FragmentMethod.Supplied(supplied)), RunContext.sequential());
        assertEquals(dense.count(), actual.fragments().count());
        assertArrayEquals(dense.ids(), actual.fragments().ids(), "dense indices are the ranks of the labels");
        for (int t = 0; t < 2; t++) {
            long[] expectedVolume = expected.segmentation(t);
            for (int v = 0; v < expectedVolume.length; v++) {
                expectedVolume[v] = labelOf[(int) expectedVolume[v]];
            }
            assertArrayEquals(expectedVolume, actual.segmentation(t));
        }
        assertEquals(labelOf[expected.history().u(0)], actual.label(actual.history().u(0)));
    }

    @Test
    void smallerIntegerTypesAreReadAsTheirValues() throws IOException {
        VoxelGrid grid = new VoxelGrid(3, 2, 1);
        int[] labels = {7, 7, -1, 0, 5, -1};
        SegmentationResult result = SegmentationPipeline.run(new org.cmgseg.core.AffinityGraph(grid, new float[18]),
                SegmentationOptions.of(MergeFunction.parse("mean"), QueueType.EXACT, 0.5).withFragments(new FragmentMethod.Supplied(
                        new ArrayDataset(grid.dimensions(), DataType.INT32, labels))), RunContext.sequential());
        assertArrayEquals(new long[] {7, 7, -1, 0, 5, -1}, result.segmentation(0), "int32 -1 keeps its bits, the largest label");
        assertArrayEquals(new int[] {2, 2, 3, 0, 1, 3}, result.fragments().ids());
    }
}
