package org.cmgseg.core;

/**
 * Nearest-neighbour affinities of a voxel grid, float32, laid out (3, z, y, x): channel c at voxel v is
 * the affinity between v and v - e_c, for c = 0 (z), 1 (y), 2 (x). On the low face of axis c (no
 * neighbour) the value is 0. The array is shared, not copied.
 */
public record AffinityGraph(VoxelGrid grid, float[] values) {

    public static final int CHANNELS = 3;

    public AffinityGraph {
        grid.requireLength(values.length, CHANNELS, "the affinity array");
    }

    public float get(int channel, int x, int y, int z) {
        return values[channelOffset(channel) + grid.index(x, y, z)];
    }

    /** Where channel c starts in {@link #values()}. */
    public int channelOffset(int channel) {
        return channel * (int) grid.voxels();
    }

    /**
     * 1 where v and v - e_c carry the same non-zero label, else 0 (0 on the low face): the ground truth
     * affinities of a label volume, flat in the layout of {@link VoxelGrid}.
     */
    public static AffinityGraph fromLabels(VoxelGrid grid, long[] labels) {
        grid.requireLength(labels.length, 1, "the label array");
        float[] values = new float[grid.arrayLength(CHANNELS)];
        int n = labels.length;
        for (int c = 0; c < CHANNELS; c++) {
            int stride = grid.stride(c);
            int base = c * n;
            forEachVoxelWithLowerNeighbour(grid, c, v -> {
                long label = labels[v];
                values[base + v] = label != 0 && label == labels[v - stride] ? 1f : 0f;
            });
        }
        return new AffinityGraph(grid, values);
    }

    /**
     * {@code aff_c(v) = min(1 - p(v), 1 - p(v - e_c))} from a boundary probability map p, in float32
     * (the recipe of the waterz reference fixtures), 0 on the low face.
     */
    public static AffinityGraph fromBoundaryMap(VoxelGrid grid, float[] boundary) {
        grid.requireLength(boundary.length, 1, "the boundary map");
        float[] values = new float[grid.arrayLength(CHANNELS)];
        int n = boundary.length;
        for (int c = 0; c < CHANNELS; c++) {
            int stride = grid.stride(c);
            int base = c * n;
            forEachVoxelWithLowerNeighbour(grid, c, v -> values[base + v] = Math.min(1f - boundary[v], 1f - boundary[v - stride]));
        }
        return new AffinityGraph(grid, values);
    }

    private interface VoxelBody {
        void at(int v);
    }

    /** Every voxel that has a neighbour one step lower along axis c (numpy order), in raster order. */
    private static void forEachVoxelWithLowerNeighbour(VoxelGrid grid, int axis, VoxelBody body) {
        for (int z = axis == 0 ? 1 : 0; z < grid.sizeZ(); z++) {
            for (int y = axis == 1 ? 1 : 0; y < grid.sizeY(); y++) {
                int row = grid.index(0, y, z);
                for (int x = axis == 2 ? 1 : 0; x < grid.sizeX(); x++) {
                    body.at(row + x);
                }
            }
        }
    }
}
