package org.cmgseg.data;

import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;
import org.cmgseg.core.VoxelGrid;

/**
 * Runs work on the z-slices of a volume on the run context's threads, advancing a task by the voxels of
 * every part done (so a cancelled run stops between parts). Each slice goes to exactly one call, so the
 * result does not depend on the thread count as long as the work on a slice writes only that slice.
 */
final class SliceLoop {

    /** Work on the slices [zFrom, zTo); scratch buffers can be allocated once per call. */
    @FunctionalInterface
    interface SliceRange {
        void run(int zFrom, int zTo);
    }

    private final VoxelGrid grid;
    private final RunContext context;
    private final Task task;

    SliceLoop(VoxelGrid grid, RunContext context, Task task) {
        this.grid = grid;
        this.context = context;
        this.task = task;
    }

    void forSlices(SliceRange work) {
        long sliceSize = (long) grid.sizeX() * grid.sizeY();
        // the context splits voxels, not slices: a slice belongs to the chunk holding its first voxel
        context.forRange(grid.arrayLength(1), (from, to) -> {
            int zFrom = (int) ((from + sliceSize - 1) / sliceSize);
            int zTo = (int) ((to + sliceSize - 1) / sliceSize);
            if (zFrom < zTo) {
                work.run(zFrom, zTo);
            }
            task.advance(to - from);
        });
    }
}
