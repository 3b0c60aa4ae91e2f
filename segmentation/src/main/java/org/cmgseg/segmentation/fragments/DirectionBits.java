package org.cmgseg.segmentation.fragments;

import java.io.IOException;
import org.cmgseg.affinities.source.AffinitySlab;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.affinities.source.SlabStream;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.Parallel;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;
import org.cmgseg.core.VoxelGrid;

/**
 * Step 1 of the steepest-ascent watershed: for every voxel, a bit for each neighbour whose edge
 * affinity is the largest of the six (or at least {@code high}), none if that largest is not above
 * {@code low}. A neighbour outside the volume counts as {@code low}. Read slab by slab; the last
 * slice of a slab is done once the next slab (its +z neighbours) has been read, from a copy, so
 * that at most two slabs are in memory (one being read).
 */
final class DirectionBits {

    /** Set beside the bits of a voxel whose largest edge is at least {@code high}: all its bits point at neighbours that point back. */
    static final int HIGH = 0x80;

    private DirectionBits() {
    }

    static void compute(AffinitySource source, float low, float high, int[] bits, RunContext context, Task task) throws IOException {
        VoxelGrid grid = source.grid();
        int sz = grid.sizeZ();
        int sy = grid.sizeY();
        int depth = source.slabDepth();
        try (SlabStream slabs = source.slabs(context)) {
            AffinitySlab slab = slabs.next();
            for (int z0 = 0; z0 < sz; z0 += depth) {
                int z1 = Math.min(z0 + depth, sz);
                if (z1 == sz) {
                    rows(grid, slab, slab, low, high, bits, z0 * sy, z1 * sy, context, task);
                    break;
                }
                rows(grid, slab, slab, low, high, bits, z0 * sy, (z1 - 1) * sy, context, task);
                // keep only the last slice while the next slab (its +z neighbours) is read
                AffinitySlab last = slice(slab, grid, z1 - 1);
                slab = slabs.next();
                rows(grid, last, slab, low, high, bits, (z1 - 1) * sy, z1 * sy, context, task);
            }
        }
    }

    /** A copy of one slice of a slab. */
    private static AffinitySlab slice(AffinitySlab slab, VoxelGrid grid, int z) {
        int slice = grid.sizeX() * grid.sizeY();
        float[] values = new float[AffinityGraph.CHANNELS * slice];
        for (int c = 0; c < AffinityGraph.CHANNELS; c++) {
            System.arraycopy(slab.values(), slab.offset(c) + z * slice, values, c * slice, slice);
        }
        return new AffinitySlab(values, slice, z * slice);
    }

    /** Rows [rowFrom, rowTo) (a row is a z, y pair) from a slab, their +z neighbours from {@code above}. */
    private static void rows(VoxelGrid grid, AffinitySlab slab, AffinitySlab above, float low, float high, int[] bits, int rowFrom,
            int rowTo, RunContext context, Task task) {
        int rows = rowTo - rowFrom;
        int tasks = Math.max(1, Math.min(rows, 4 * context.threads()));
        context.forEach(tasks, t -> {
            int from = rowFrom + Parallel.partStart(rows, tasks, t);
            int to = rowFrom + Parallel.partStart(rows, tasks, t + 1);
            rows(grid, slab, above, low, high, bits, from, to);
            task.advance((long) (to - from) * grid.sizeX());
        });
    }

    private static void rows(VoxelGrid grid, AffinitySlab slab, AffinitySlab above, float low, float high, int[] bits, int rowFrom,
            int rowTo) {
        int sx = grid.sizeX();
        int sy = grid.sizeY();
        int sz = grid.sizeZ();
        int slice = sx * sy;
        float[] a = slab.values();
        float[] up = above.values();
        int oAbove = above.offset(0) + slice;
        int oz = slab.offset(0);
        int oy = slab.offset(1);
        int ox = slab.offset(2);
        for (int row = rowFrom; row < rowTo; row++) {
            int z = row / sy;
            int y = row - z * sy;
            boolean hasNegZ = z > 0;
            boolean hasPosZ = z < sz - 1;
            boolean hasNegY = y > 0;
            boolean hasPosY = y < sy - 1;
            int start = row * sx;
            for (int x = 0; x < sx; x++) {
                int v = start + x;
                float negz = hasNegZ ? a[oz + v] : low;
                float negy = hasNegY ? a[oy + v] : low;
                float negx = x > 0 ? a[ox + v] : low;
                float posz = hasPosZ ? up[oAbove + v] : low;
                float posy = hasPosY ? a[oy + v + sx] : low;
                float posx = x < sx - 1 ? a[ox + v + 1] : low;
                // the first largest in the order -x, -y, -z, +x, +y, +z compared with <, as std::max does
                float m = negx;
                m = m < negy ? negy : m;
                m = m < negz ? negz : m;
                m = m < posx ? posx : m;
                m = m < posy ? posy : m;
                m = m < posz ? posz : m;
                int directions = 0;
                if (m > low) {
                    // a value is the largest (== m) or at least high exactly when it is at least the smaller of the two (NaN
                    // is neither; a NaN high leaves m)
                    float t = high < m ? high : m;
                    directions = (negz >= t ? 0x01 : 0)
                            | (negy >= t ? 0x02 : 0)
                            | (negx >= t ? 0x04 : 0)
                            | (posz >= t ? 0x08 : 0)
                            | (posy >= t ? 0x10 : 0)
                            | (posx >= t ? 0x20 : 0)
                            | (m >= high ? HIGH : 0);
                }
                bits[v] = directions;
            }
        }
    }
}
