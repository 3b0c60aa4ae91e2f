package org.cmgseg.data;

import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.VoxelGrid;

/**
 * A synthetic volume mirror-tiled (as numpy's flips: every other copy along an axis mirrored), read a region at a time,
 * so that a volume many times larger than memory is written chunk by chunk from one copy held in memory. Raw, labels and
 * boundary are the copy's voxels (an object's copies keep its id); the affinities are {@link AffinityGraph#fromBoundaryMap}
 * of the tiled boundary, so across a seam they are what the mirrored boundary implies. Regions are (x, y, z), x fastest.
 */
public final class MirrorTiles {

    private final SyntheticVolume volume;
    private final int[] tiles;

    /** {@code tilesXyz} copies along x, y and z, each at least 1. */
    public MirrorTiles(SyntheticVolume volume, int[] tilesXyz) {
        if (tilesXyz.length != 3 || tilesXyz[0] < 1 || tilesXyz[1] < 1 || tilesXyz[2] < 1) {
            throw new IllegalArgumentException("tiles are three counts of 1 or more (z, y, x)");
        }
        this.volume = volume;
        this.tiles = tilesXyz.clone();
    }

    /** The tiled volume's size (x, y, z). */
    public long[] dimensions() {
        VoxelGrid grid = volume.grid();
        return new long[] {(long) grid.sizeX() * tiles[0], (long) grid.sizeY() * tiles[1], (long) grid.sizeZ() * tiles[2]};
    }

    public byte[] raw(long[] offset, int[] size) {
        int[] from = sources(offset, size, -1);
        byte[] out = new byte[from.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = volume.raw()[from[i]];
        }
        return out;
    }

    public long[] labels(long[] offset, int[] size) {
        int[] from = sources(offset, size, -1);
        long[] out = new long[from.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = volume.labels()[from[i]];
        }
        return out;
    }

    public float[] boundary(long[] offset, int[] size) {
        int[] from = sources(offset, size, -1);
        float[] out = new float[from.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = volume.boundary()[from[i]];
        }
        return out;
    }

    /** A region (x, y, z, channel) of the affinities, channels in numpy order (z, y, x). */
    public float[] affinities(long[] offset, int[] size) {
        int voxels = size[0] * size[1] * size[2];
        float[] out = new float[voxels * size[3]];
        float[] boundary = volume.boundary();
        int[] here = sources(offset, size, -1);
        for (int k = 0; k < size[3]; k++) {
            int axis = 2 - (int) (offset[3] + k);
            int[] lower = sources(offset, size, axis);
            int base = k * voxels;
            for (int i = 0; i < voxels; i++) {
                out[base + i] = lower[i] < 0 ? 0f : Math.min(1f - boundary[here[i]], 1f - boundary[lower[i]]);
            }
        }
        return out;
    }

    /**
     * The copy's voxel index of every voxel of a region, or of its neighbour one step lower along {@code lowerAxis} (x 0,
     * y 1, z 2; -1 for the voxel itself), -1 where that neighbour lies outside the tiled volume.
     */
    private int[] sources(long[] offset, int[] size, int lowerAxis) {
        VoxelGrid grid = volume.grid();
        int[][] along = new int[3][];
        for (int d = 0; d < 3; d++) {
            int n = grid.size(2 - d);
            along[d] = new int[size[d]];
            for (int i = 0; i < size[d]; i++) {
                long p = offset[d] + i - (d == lowerAxis ? 1 : 0);
                along[d][i] = p < 0 ? -1 : mirrored(p, n);
            }
        }
        int[] out = new int[size[0] * size[1] * size[2]];
        int i = 0;
        for (int z = 0; z < size[2]; z++) {
            for (int y = 0; y < size[1]; y++) {
                boolean outside = along[1][y] < 0 || along[2][z] < 0;
                int row = outside ? 0 : grid.index(0, along[1][y], along[2][z]);
                for (int x = 0; x < size[0]; x++) {
                    out[i++] = outside || along[0][x] < 0 ? -1 : row + along[0][x];
                }
            }
        }
        return out;
    }

    /** Position {@code p} of the tiled axis in a copy of {@code n} voxels: odd copies are mirrored. */
    static int mirrored(long p, int n) {
        int q = (int) (p % n);
        return (p / n) % 2 == 0 ? q : n - 1 - q;
    }
}
