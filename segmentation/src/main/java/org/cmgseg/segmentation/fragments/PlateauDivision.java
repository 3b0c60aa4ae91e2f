package org.cmgseg.segmentation.fragments;

import static org.cmgseg.segmentation.fragments.Directions.BACK;
import static org.cmgseg.segmentation.fragments.Directions.BIT;

import org.cmgseg.core.Parallel;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.util.IntList;

/**
 * Steps 2 and 3 of the steepest-ascent watershed: plateau corners (voxels with a bit towards a
 * neighbour that does not point back) start a breadth-first search into the plateaus, and every
 * voxel it reaches keeps a single bit, the last direction (in the order -z, -y, -x, +z, +y, +x)
 * whose neighbour does not point back at that moment. The order decides fragment shapes on
 * plateaus, so it is waterz's exactly: all corners in raster order, then the voxels they discover,
 * first in first out.
 * <p>
 * Most corners point only at neighbours that do not point back. Such a corner ends with its last
 * bit whenever it is processed, discovers nothing, and no other voxel's outcome depends on when it
 * is processed, so those are reduced in parallel first; only the other corners keep their place
 * in the sequential order, listed by the parallel pass in raster order (so no second pass over the
 * voxels looks for them).
 * <p>
 * The division of one plateau (voxels joined by bits that point at each other) reads and writes no
 * other plateau's bits, so only the order inside each plateau matters: the other corners are divided
 * in a few ranges of rows on separate threads, each in raster order with its own queue, except the
 * plateaus that cross a boundary between two ranges ({@link CrossingPlateaus}), which follow in one
 * queue, their corners in raster order.
 */
final class PlateauDivision {

    static final int MARK = 0x40;
    /** Parts of the corner pass per thread: enough to even out their work, few enough that few plateaus cross a boundary. */
    private static final int PARTS_PER_THREAD = 2;

    private PlateauDivision() {
    }

    /** Advances {@code task} by two passes over the voxels. */
    static void run(VoxelGrid grid, int[] seg, RunContext context, Task task) {
        int rows = grid.sizeY() * grid.sizeZ();
        int tasks = Math.max(1, Math.min(16 * context.threads(), rows));
        IntList[] corners = new IntList[tasks];
        int parts = Math.min(PARTS_PER_THREAD * context.threads(), tasks);
        int[] bounds = new int[parts - 1];
        for (int p = 1; p < parts; p++) {
            bounds[p - 1] = Parallel.partStart(rows, tasks, Parallel.partStart(tasks, parts, p)) * grid.sizeX();
        }
        IntList seeds = CrossingPlateaus.seeds(grid, seg, bounds);
        context.forEach(tasks, t -> {
            int from = Parallel.partStart(rows, tasks, t);
            int to = Parallel.partStart(rows, tasks, t + 1);
            corners[t] = reduceSimpleCorners(grid, seg, from, to);
            task.advance((long) (to - from) * grid.sizeX());
        });
        int[] offsets = Directions.offsets(grid);
        IntList crossing = CrossingPlateaus.mark(seg, offsets, seeds);
        IntList[] deferred = new IntList[parts];
        context.forEach(parts, p -> {
            IntList queue = new IntList();
            deferred[p] = new IntList();
            int i = 0;
            for (int t = Parallel.partStart(tasks, parts, p); t < Parallel.partStart(tasks, parts, p + 1); t++) {
                for (int k = 0; k < corners[t].size(); k++) {
                    task.step(i++);
                    int v = corners[t].get(k);
                    if ((seg[v] & CrossingPlateaus.CROSSING) == 0) {
                        reduce(seg, offsets, queue, v);
                    } else {
                        deferred[p].add(v);
                    }
                }
            }
            task.stepped(i);
            drain(seg, offsets, queue);
        });
        IntList queue = new IntList();
        for (IntList part : deferred) {
            for (int k = 0; k < part.size(); k++) {
                reduce(seg, offsets, queue, part.get(k));
            }
        }
        drain(seg, offsets, queue);
        CrossingPlateaus.unmark(seg, crossing);
        long cornerCount = 0;
        for (IntList part : corners) {
            cornerCount += part.size();
        }
        task.advance(seg.length - cornerCount);
    }

    private static void drain(int[] seg, int[] offsets, IntList queue) {
        for (int i = 0; i < queue.size(); i++) {
            reduce(seg, offsets, queue, queue.get(i));
        }
    }

    /**
     * Reduces the corners of a range of rows that have no mutual bits to their last bit, and marks
     * the other corners as queued; returns those, in raster order. Other threads read only direction
     * bits towards their own voxels, which no write here changes.
     */
    private static IntList reduceSimpleCorners(VoxelGrid grid, int[] seg, int rowFrom, int rowTo) {
        IntList corners = new IntList();
        int sx = grid.sizeX();
        int slice = sx * grid.sizeY();
        for (int row = rowFrom; row < rowTo; row++) {
            int start = row * sx;
            for (int v = start; v < start + sx; v++) {
                int bits = seg[v];
                if (bits == 0) {
                    continue;
                }
                if ((bits & DirectionBits.HIGH) != 0) {
                    seg[v] = bits & Directions.ALL;
                    continue;
                }
                // bit d set where the neighbour in direction d points back; read only where v points
                int back = ((bits & 0x01) != 0 ? seg[v - slice] >> 3 & 0x01 : 0)
                        | ((bits & 0x02) != 0 ? seg[v - sx] >> 3 & 0x02 : 0)
                        | ((bits & 0x04) != 0 ? seg[v - 1] >> 3 & 0x04 : 0)
                        | ((bits & 0x08) != 0 ? seg[v + slice] << 3 & 0x08 : 0)
                        | ((bits & 0x10) != 0 ? seg[v + sx] << 3 & 0x10 : 0)
                        | ((bits & 0x20) != 0 ? seg[v + 1] << 3 & 0x20 : 0);
                int away = bits & ~back;
                if (away == 0) {
                    continue;
                }
                if ((bits & back) != 0) {
                    seg[v] = bits | MARK;
                    corners.add(v);
                } else {
                    seg[v] = Integer.highestOneBit(away);
                }
            }
        }
        return corners;
    }

    private static void reduce(int[] seg, int[] offsets, IntList queue, int v) {
        int bits = seg[v];
        int keep = 0;
        for (int set = bits & Directions.ALL; set != 0; set &= set - 1) {
            int d = Integer.numberOfTrailingZeros(set);
            int w = v + offsets[d];
            int other = seg[w];
            if ((other & BACK[d]) == 0) {
                keep = BIT[d];
            } else if ((other & MARK) == 0) {
                seg[w] = other | MARK;
                queue.add(w);
            }
        }
        seg[v] = keep;
    }
}
