package org.cmgseg.segmentation;

import java.util.SplittableRandom;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.VoxelGrid;

/** Uniformly random affinities: many small fragments and many thousand merges, for tests that need work of some length. */
public final class NoiseAffinities {

    private NoiseAffinities() {
    }

    public static AffinityGraph of(VoxelGrid grid, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[(int) (AffinityGraph.CHANNELS * grid.voxels())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        return new AffinityGraph(grid, values);
    }
}
