package org.cmgseg.data;

import org.cmgseg.core.VoxelGrid;
import org.cmgseg.core.Parallel;

/**
 * Runs work on the z-slices of a volume on several threads. Each slice goes to exactly one call, so the
 * result does not depend on the thread count as long as the work on a slice writes only that slice.
 */
final class SliceLoop {

    /** Work on the slices [zFrom, zTo); scratch buffers can be allocated once per call. */
    @FunctionalInterface
    interface SliceRange {
        void run(int zFrom, int zTo);
    }

    private SliceLoop() {
    }

    static void forSlices(VoxelGrid grid, int threads, SliceRange work) {
        long sliceSize = (long) grid.sizeX() * grid.sizeY();
        // Parallel splits voxels, not slices: a slice belongs to the chunk holding its first voxel.
        Parallel.forRange(grid.arrayLength(1), threads, (from, to) -> {
            int zFrom = (int) ((from + sliceSize - 1) / sliceSize);
            int zTo = (int) ((to + sliceSize - 1) / sliceSize);
            if (zFrom < zTo) {
                work.run(zFrom, zTo);
            }
        });
    }
}
