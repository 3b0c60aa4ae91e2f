package org.cmgseg.affinities.io;

import java.util.Arrays;

/**
 * The grid of blocks that tiles a dataset, fastest axis first. Block i (in raster order of the grid,
 * fastest axis first) starts at {@link #offset} and has {@link #size}, cut at the dataset's end.
 */
public record BlockGrid(long[] dimensions, int[] blockSize) {

    public long[] gridSize() {
        long[] grid = new long[dimensions.length];
        for (int d = 0; d < grid.length; d++) {
            grid[d] = (dimensions[d] + blockSize[d] - 1) / blockSize[d];
        }
        return grid;
    }

    public long blocks() {
        long n = 1;
        for (long g : gridSize()) {
            n *= g;
        }
        return n;
    }

    /** The grid position of block i. */
    public long[] position(long i) {
        long[] grid = gridSize();
        long[] position = new long[grid.length];
        for (int d = 0; d < grid.length; d++) {
            position[d] = i % grid[d];
            i /= grid[d];
        }
        return position;
    }

    public long[] offset(long[] position) {
        long[] offset = new long[position.length];
        for (int d = 0; d < offset.length; d++) {
            offset[d] = position[d] * blockSize[d];
        }
        return offset;
    }

    public int[] size(long[] position) {
        int[] size = new int[position.length];
        for (int d = 0; d < size.length; d++) {
            size[d] = (int) Math.min(blockSize[d], dimensions[d] - position[d] * blockSize[d]);
        }
        return size;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockGrid other && Arrays.equals(dimensions, other.dimensions)
                && Arrays.equals(blockSize, other.blockSize);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dimensions) * 31 + Arrays.hashCode(blockSize);
    }
}
