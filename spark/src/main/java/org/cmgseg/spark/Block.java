package org.cmgseg.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Box number {@code number} of a tiling of the volume, offset and size fastest axis first (x, y, z), as datasets address regions. */
record Block(int number, long[] offset, int[] size) implements Serializable {

    /** The blocks of {@code blockSize} (x, y, z) that tile a volume of {@code dimensions} (x, y, z), cut at its end; z slowest. */
    static List<Block> tiling(long[] dimensions, int[] blockSize) {
        List<Block> blocks = new ArrayList<>();
        for (long z = 0; z < dimensions[2]; z += blockSize[2]) {
            for (long y = 0; y < dimensions[1]; y += blockSize[1]) {
                for (long x = 0; x < dimensions[0]; x += blockSize[0]) {
                    long[] offset = {x, y, z};
                    int[] size = new int[3];
                    for (int d = 0; d < 3; d++) {
                        size[d] = (int) Math.min(blockSize[d], dimensions[d] - offset[d]);
                    }
                    blocks.add(new Block(blocks.size(), offset, size));
                }
            }
        }
        return blocks;
    }

    int voxels() {
        return size[0] * size[1] * size[2];
    }

    /** The block grown by one voxel towards the origin where the volume goes on: the lower neighbours of its voxels. */
    Block withLowerHalo() {
        long[] o = offset.clone();
        int[] s = size.clone();
        for (int d = 0; d < 3; d++) {
            if (o[d] > 0) {
                o[d]--;
                s[d]++;
            }
        }
        return new Block(number, o, s);
    }

    /** The block grown by {@code halo} voxels on every side, cut at the bounds of a volume of {@code dimensions} (x, y, z). */
    Block grown(int halo, long[] dimensions) {
        long[] o = new long[3];
        int[] s = new int[3];
        for (int d = 0; d < 3; d++) {
            o[d] = Math.max(0, offset[d] - halo);
            s[d] = (int) (Math.min(dimensions[d], offset[d] + size[d] + halo) - o[d]);
        }
        return new Block(number, o, s);
    }
}
