package org.cmgseg.data;

import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.VoxelGrid;

/**
 * A synthetic EM volume with everything needed to segment and score it, flat in the memory order of
 * {@link VoxelGrid}. The arrays are shared, not copied.
 *
 * @param grid          the volume size
 * @param resolutionZyx voxel size in nanometres, (z, y, x)
 * @param raw           the image, uint8
 * @param labels        ground truth, uint64: dense (no background), every object one 6-connected component, numbered
 *                      1..N in order of first occurrence
 * @param boundary      the simulated network's boundary probability, float32 in [0, 1]
 * @param affinities    nearest-neighbour affinities derived from {@code boundary} by {@link AffinityGraph#fromBoundaryMap}
 */
public record SyntheticVolume(VoxelGrid grid, double[] resolutionZyx, byte[] raw, long[] labels, float[] boundary,
                              AffinityGraph affinities) {

    public SyntheticVolume {
        if (resolutionZyx.length != 3) {
            throw new IllegalArgumentException("the resolution needs 3 values (z, y, x), got " + resolutionZyx.length);
        }
        grid.requireLength(raw.length, 1, "the raw image");
        grid.requireLength(labels.length, 1, "the label array");
        grid.requireLength(boundary.length, 1, "the boundary map");
        if (!affinities.grid().equals(grid)) {
            throw new IllegalArgumentException("the affinities are on " + affinities.grid() + ", the volume is " + grid);
        }
    }
}
