package org.cmgseg.segmentation.fragments;

import java.io.IOException;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.core.Progress;
import org.cmgseg.affinities.source.AffinitySource;

/**
 * waterz's watershed on an affinity graph: every voxel points along its steepest ascent (the
 * neighbours of its largest affinity), plateaus are divided breadth-first from their corners, and
 * each basin of the resulting forest becomes a fragment. Voxels whose six affinities are all at
 * most {@code low} are background. No size threshold, no merging. The affinities are streamed once;
 * the work array is the fragment volume itself, one int per voxel.
 */
public final class SteepestAscentWatershed {

    private SteepestAscentWatershed() {
    }

    /** Reports progress as stage "fragments", three steps. */
    public static Fragments compute(AffinitySource affinities, float low, float high, int threads, Progress progress)
            throws IOException {
        VoxelGrid grid = affinities.grid();
        int[] seg = new int[grid.arrayLength(1)];
        DirectionBits.compute(affinities, low, high, seg, threads);
        progress.update("fragments", 1, 3);
        PlateauDivision.run(grid, seg, threads);
        progress.update("fragments", 2, 3);
        int count = BasinLabelling.run(grid, seg, threads);
        progress.update("fragments", 3, 3);
        return new Fragments(grid, seg, count, null);
    }
}
