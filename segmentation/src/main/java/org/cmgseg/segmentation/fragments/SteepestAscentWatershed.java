package org.cmgseg.segmentation.fragments;

import java.io.IOException;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;
import org.cmgseg.core.VoxelGrid;

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

    /** Reports progress as stage "fragments": four passes over the voxels. */
    public static Fragments compute(AffinitySource affinities, float low, float high, RunContext context) throws IOException {
        VoxelGrid grid = affinities.grid();
        int[] seg = new int[grid.arrayLength(1)];
        Task task = context.task("fragments", 4 * grid.voxels());
        DirectionBits.compute(affinities, low, high, seg, context, task);
        PlateauDivision.run(grid, seg, context, task);
        int count = BasinLabelling.run(grid, seg, context, task);
        return new Fragments(grid, seg, count, null);
    }
}
