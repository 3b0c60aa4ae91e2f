package org.cmgseg.segmentation.fragments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.junit.jupiter.api.Test;

class DirectionBitsTest {

    private static final float NAN = Float.NaN;

    /**
     * Two rows of three voxels; the y edges (channel 1 at the upper voxel) and x edges (channel 2 at the right
     * voxel). An in-memory graph is not checked, so a NaN reaches the comparisons: as std::max's comparisons with
     * < take it, it makes a voxel background in the first place of the order (-x) and is passed over elsewhere.
     */
    private static int[] bits(float high) throws IOException {
        VoxelGrid grid = new VoxelGrid(3, 2, 1);
        float[] z = new float[6];
        float[] y = {0, 0, 0, 0.5f, 0.25f, 0.75f};
        float[] x = {0, NAN, 0.25f, 0, 0.5f, 1};
        float[] values = new float[18];
        System.arraycopy(z, 0, values, 0, 6);
        System.arraycopy(y, 0, values, 6, 6);
        System.arraycopy(x, 0, values, 12, 6);
        int[] bits = new int[6];
        RunContext context = RunContext.of(2, Progress.NONE);
        DirectionBits.compute(AffinitySource.of(new AffinityGraph(grid, values)), FragmentMethod.WATERZ_LOW, high, bits, context,
                context.task("bits", 6));
        return bits;
    }

    @Test
    void bitsPointAtTheLargestEdgesAndAtThoseAtLeastHigh() throws IOException {
        // -y 0x02, -x 0x04, +y 0x10, +x 0x20; HIGH 0x80 where the largest edge is at least high
        assertArrayEquals(new int[] {0x10, 0, 0x10, 0x22, 0xa0, 0x84}, bits(FragmentMethod.WATERZ_HIGH));
        assertArrayEquals(new int[] {0x90, 0, 0x90, 0xa2, 0xa4, 0x86}, bits(0.5f));
        assertArrayEquals(new int[] {0x10, 0, 0x10, 0x22, 0x20, 0x04}, bits(NAN), "a NaN high: the largest edges only");
    }
}
