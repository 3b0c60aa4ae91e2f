package org.cmgseg.spark;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The voxel faces of one block between two different fragments (neither background): those of its voxels
 * with their lower neighbours (z, y, x), the neighbour possibly in the block below, so that every face of
 * the volume belongs to exactly one block. Keyed by edge: the dense fragment indices (u, v), u < v, packed.
 */
final class BlockFaces {

    private BlockFaces() {
    }

    /** {@code labels} are the fragments' sorted unsigned uint64 labels; a label's dense index is its rank + 1. */
    static Map<Long, FaceList> of(BlockAffinities affinities, String fragments, Block block, long[] volume, long[] labels) throws IOException {
        Block halo = block.withLowerHalo();
        int[] ids = denseIds(BlockReads.labels(fragments, halo), labels);
        float[] values = affinities.read(block);
        int hx = halo.size()[0];
        int hy = halo.size()[1];
        int[] lower = new int[3];
        for (int d = 0; d < 3; d++) {
            lower[d] = (int) (block.offset()[d] - halo.offset()[d]);
        }
        int[] step = {hx * hy, hx, 1};
        int bx = block.size()[0];
        int by = block.size()[1];
        int bz = block.size()[2];
        int channel = block.voxels();
        Map<Long, FaceList> faces = new HashMap<>();
        for (int z = 0; z < bz; z++) {
            for (int y = 0; y < by; y++) {
                for (int x = 0; x < bx; x++) {
                    int h = ((z + lower[2]) * hy + y + lower[1]) * hx + x + lower[0];
                    int a = ids[h];
                    if (a == 0) {
                        continue;
                    }
                    long gz = block.offset()[2] + z;
                    long gy = block.offset()[1] + y;
                    long gx = block.offset()[0] + x;
                    long voxel = (gz * volume[1] + gy) * volume[0] + gx;
                    int local = (z * by + y) * bx + x;
                    long[] global = {gz, gy, gx};
                    for (int axis = 0; axis < 3; axis++) {
                        if (global[axis] == 0) {
                            continue;
                        }
                        int b = ids[h - step[axis]];
                        if (b == 0 || b == a) {
                            continue;
                        }
                        long edge = (long) Math.min(a, b) << 32 | Math.max(a, b);
                        faces.computeIfAbsent(edge, e -> new FaceList()).add(3 * voxel + axis, values[axis * channel + local]);
                    }
                }
            }
        }
        return faces;
    }

    /** Dense fragment indices: 0 for background, otherwise 1 + the rank of the label among all labels. */
    static int[] denseIds(long[] blockLabels, long[] labels) {
        int[] ids = new int[blockLabels.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = blockLabels[i] == 0 ? 0 : rank(labels, blockLabels[i]) + 1;
        }
        return ids;
    }

    /** The index of a label in labels sorted as unsigned values. */
    static int rank(long[] labels, long label) {
        int lo = 0;
        int hi = labels.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Long.compareUnsigned(labels[mid], label);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        throw new IllegalStateException("label " + Long.toUnsignedString(label) + " was not found in the first pass");
    }

    static long[] sortedUnsigned(long[] labels) {
        long[] flipped = new long[labels.length];
        for (int i = 0; i < labels.length; i++) {
            flipped[i] = labels[i] ^ Long.MIN_VALUE;
        }
        Arrays.sort(flipped);
        for (int i = 0; i < labels.length; i++) {
            flipped[i] ^= Long.MIN_VALUE;
        }
        return flipped;
    }
}
