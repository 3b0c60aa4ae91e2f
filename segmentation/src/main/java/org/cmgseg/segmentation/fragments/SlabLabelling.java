package org.cmgseg.segmentation.fragments;

import org.cmgseg.core.Task;
import org.cmgseg.segmentation.util.IntList;

/**
 * Step 4 of the steepest-ascent watershed within one slab of z-slices, voxels [from, to): in raster
 * order, a voxel without bits becomes background; an unlabelled voxel follows its single bits to the
 * first labelled voxel, whose label the path takes, or else to a voxel with several bits or back onto
 * itself, and the path takes the next new label. Labels are {@code LABELLED | 1..count}, in the raster
 * order of their first voxels; every bit that leaves the slab is noted as a link.
 * <p>
 * A voxel that keeps several bits after plateau division lies on an undivided plateau: none of it was
 * reached from a corner, so all its bits point at each other and it is closed under them. The first
 * path to reach a part of it that the slab joins therefore finds it unlabelled, and that part takes the
 * path's new label whole, labelled during the fill itself. (waterz searches it for a
 * labelled voxel first and labels what it visited afterwards; there is none to find, so the outcome is
 * the same, without a second pass over the plateau.)
 */
final class SlabLabelling {

    static final int LABELLED = 0x80000000;
    private static final int MARK = PlateauDivision.MARK;

    /** The labels of one slab: 1..count, and links (label, voxel) to voxels outside it. */
    record Slab(int from, int to, int count, IntList links) {
    }

    private final int[] seg;
    private final int[] offsets;
    /** The flat-index step of each single bit, 0 for several bits. */
    private final int[] step;
    private final int from;
    private final int to;
    private final IntList path = new IntList();
    private final IntList links = new IntList();
    /** The plateau voxels found by a flood, in the order found. */
    private final IntList pending = new IntList();

    private SlabLabelling(int[] seg, int[] offsets, int[] step, int from, int to) {
        this.seg = seg;
        this.offsets = offsets;
        this.step = step;
        this.from = from;
        this.to = to;
    }

    /** The flat-index step of each single bit, 0 for several bits. */
    static int[] steps(int[] offsets) {
        int[] step = new int[Directions.ALL + 1];
        for (int bits = 1; bits <= Directions.ALL; bits++) {
            step[bits] = Integer.bitCount(bits) == 1 ? offsets[Integer.numberOfTrailingZeros(bits)] : 0;
        }
        return step;
    }

    /** Labels voxels [from, to) of {@code seg}, background as {@code LABELLED | 0}; advances {@code task} by their number. */
    static Slab label(int[] seg, int[] offsets, int[] step, int from, int to, Task task) {
        return new SlabLabelling(seg, offsets, step, from, to).run(task);
    }

    private Slab run(Task task) {
        int next = 1;
        for (int v = from; v < to; v++) {
            task.step(v - from);
            int bits = seg[v];
            if (bits == 0) {
                seg[v] = LABELLED;
                continue;
            }
            if ((bits & LABELLED) != 0) {
                continue;
            }
            int w = v + step[bits];
            if (w != v && w >= from && w < to && (seg[w] & LABELLED) != 0) {
                // the common case: one step to a labelled voxel
                seg[v] = seg[w];
                continue;
            }
            int label = 0;
            int plateau = -1;
            int exit = -1;
            int me = v;
            int mine = bits;
            while (true) {
                if ((mine & LABELLED) != 0) {
                    label = mine;
                    break;
                }
                if ((mine & MARK) != 0) {
                    // back on the path: the last two voxels point at each other only
                    break;
                }
                int s = step[mine & Directions.ALL];
                if (s == 0) {
                    plateau = me;
                    break;
                }
                seg[me] = mine | MARK;
                path.add(me);
                if (me + s < from || me + s >= to) {
                    exit = me + s;
                    break;
                }
                me += s;
                mine = seg[me];
            }
            if (label == 0) {
                label = LABELLED | next++;
            }
            if (plateau >= 0) {
                flood(plateau, label);
            }
            for (int i = 0; i < path.size(); i++) {
                seg[path.get(i)] = label;
            }
            path.clear();
            if (exit >= 0) {
                link(label, exit);
            }
        }
        task.stepped(to - from);
        return new Slab(from, to, next - 1, links);
    }

    /**
     * Labels the part of an undivided plateau that the slab joins to {@code start}, each voxel marked when
     * found and labelled when looked beyond. None of it is labelled yet; voxels of it on the current path
     * (marked) are left to the path, as their single bits lead along it to start. The part takes one label
     * whatever the order, so the last voxel found is looked beyond first: the fill then runs along rows,
     * and holds only the voxels found and not yet looked beyond.
     */
    private void flood(int start, int label) {
        pending.add(start);
        while (pending.size() > 0) {
            int me = pending.removeLast();
            int mine = seg[me];
            seg[me] = label;
            for (int set = mine & Directions.ALL; set != 0; set &= set - 1) {
                int him = me + offsets[Integer.numberOfTrailingZeros(set)];
                if (him < from || him >= to) {
                    link(label, him);
                    continue;
                }
                int his = seg[him];
                if ((his & (LABELLED | MARK)) == 0) {
                    seg[him] = his | MARK;
                    pending.add(him);
                }
            }
        }
    }

    private void link(int label, int voxel) {
        links.add(label & ~LABELLED);
        links.add(voxel);
    }
}
