package org.cmgseg.segmentation.fragments;

import static org.cmgseg.segmentation.fragments.Directions.BIT;

import org.cmgseg.core.Parallel;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.util.IntList;

/**
 * Step 4 of the steepest-ascent watershed: in raster order, a voxel without bits becomes
 * background; an unlabelled voxel follows its bits breadth-first, and everything it reaches takes
 * the label of the first labelled voxel met, or else the next new id. Ids are 1..n in the raster
 * order of each fragment's first voxel.
 * <p>
 * After plateau division a voxel with one bit has one successor, so its search is a path, followed
 * without a queue; only voxels with several bits (undivided plateaus, whose bits all point at each
 * other) need the breadth-first search. The outcome is the same.
 */
final class BasinLabelling {

    private static final int LABELLED = 0x80000000;
    private static final int MARK = PlateauDivision.MARK;

    private BasinLabelling() {
    }

    /** Replaces the direction bits by fragment ids; returns the number of fragments. Advances {@code task} by one pass over the voxels. */
    static int run(VoxelGrid grid, int[] seg, RunContext context, Task task) {
        int[] offsets = Directions.offsets(grid);
        int[] step = new int[Directions.ALL + 1];
        for (int bits = 1; bits <= Directions.ALL; bits++) {
            step[bits] = Integer.bitCount(bits) == 1 ? offsets[Integer.numberOfTrailingZeros(bits)] : 0;
        }
        IntList visited = new IntList();
        int next = 1;
        for (int v = 0; v < seg.length; v++) {
            task.step(v);
            int bits = seg[v];
            if (bits == 0) {
                seg[v] = LABELLED;
                continue;
            }
            if ((bits & LABELLED) != 0) {
                continue;
            }
            int s0 = step[bits];
            if (s0 != 0 && (seg[v + s0] & LABELLED) != 0) {
                // the common case: one step to a labelled voxel
                seg[v] = seg[v + s0];
                continue;
            }
            int label = 0;
            int me = v;
            int mine = bits;
            while (true) {
                if ((mine & LABELLED) != 0) {
                    label = mine;
                    break;
                }
                if ((mine & MARK) != 0) {
                    break;
                }
                seg[me] = mine | MARK;
                visited.add(me);
                int s = step[mine & Directions.ALL];
                if (s == 0) {
                    label = search(seg, offsets, visited);
                    break;
                }
                me += s;
                mine = seg[me];
            }
            if (label == 0) {
                label = LABELLED | next++;
            }
            for (int i = 0; i < visited.size(); i++) {
                seg[visited.get(i)] = label;
            }
            visited.clear();
        }
        task.stepped(seg.length);
        int n = seg.length;
        int tasks = Math.max(1, Math.min(4 * context.threads(), n >> 16));
        context.forEach(tasks, t -> {
            for (int v = Parallel.partStart(n, tasks, t), end = Parallel.partStart(n, tasks, t + 1); v < end; v++) {
                seg[v] &= ~LABELLED;
            }
        });
        return next - 1;
    }

    /**
     * Breadth-first search on from the last visited voxel (which has several bits), adding what it
     * reaches to {@code visited}; returns the label of the first labelled voxel met, or 0.
     */
    private static int search(int[] seg, int[] offsets, IntList visited) {
        for (int i = visited.size() - 1; i < visited.size(); i++) {
            int me = visited.get(i);
            int mine = seg[me];
            for (int d = 0; d < Directions.COUNT; d++) {
                if ((mine & BIT[d]) != 0) {
                    int him = me + offsets[d];
                    int his = seg[him];
                    if ((his & LABELLED) != 0) {
                        return his;
                    }
                    if ((his & MARK) == 0) {
                        seg[him] = his | MARK;
                        visited.add(him);
                    }
                }
            }
        }
        return 0;
    }
}
