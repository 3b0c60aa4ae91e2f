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
 * other) need the breadth-first search. The outcome is the same: a fragment is a connected component
 * of the voxels joined by bits, numbered by its first voxel.
 * <p>
 * So threads label slabs of whole z-slices on their own, stopping at a slab's faces, where they note
 * each bit that leaves the slab as a link between their own label and the voxel it points at. The
 * links then unite the slabs' labels into fragments, numbered by their first voxel, which is the
 * first voxel of their earliest slab label.
 */
final class BasinLabelling {

    private static final int LABELLED = 0x80000000;
    private static final int MARK = PlateauDivision.MARK;

    private BasinLabelling() {
    }

    /** The labels of one slab, voxels [from, to): 1..count, and links (label, voxel) to voxels outside it. */
    private record Slab(int from, int to, int count, IntList links) {
    }

    /** Replaces the direction bits by fragment ids; returns the number of fragments. Advances {@code task} by one pass over the voxels. */
    static int run(VoxelGrid grid, int[] seg, RunContext context, Task task) {
        int[] offsets = Directions.offsets(grid);
        int[] step = new int[Directions.ALL + 1];
        for (int bits = 1; bits <= Directions.ALL; bits++) {
            step[bits] = Integer.bitCount(bits) == 1 ? offsets[Integer.numberOfTrailingZeros(bits)] : 0;
        }
        int slice = grid.sizeX() * grid.sizeY();
        int parts = Math.max(1, Math.min(context.threads(), grid.sizeZ()));
        Slab[] slabs = new Slab[parts];
        context.forEach(parts, p -> slabs[p] = label(seg, offsets, step,
                Parallel.partStart(grid.sizeZ(), parts, p) * slice, Parallel.partStart(grid.sizeZ(), parts, p + 1) * slice, task));
        int[] first = new int[parts + 1];
        for (int p = 0; p < parts; p++) {
            first[p + 1] = first[p] + slabs[p].count();
        }
        int[] ids = fragmentIds(seg, slabs, first);
        context.forEach(parts, p -> {
            int base = first[p];
            for (int v = slabs[p].from(), end = slabs[p].to(); v < end; v++) {
                int label = seg[v] & ~LABELLED;
                seg[v] = label == 0 ? 0 : ids[base + label];
            }
        });
        return ids[0];
    }

    /**
     * The fragment id of every slab label (slab p's label l at {@code first[p] + l}), and the number of
     * fragments at index 0. Labels in slab order, each slab's in raster order, are in the order of their
     * first voxels, so uniting each set of linked labels under its smallest index and numbering the
     * sets by it numbers the fragments by their first voxels.
     */
    private static int[] fragmentIds(int[] seg, Slab[] slabs, int[] first) {
        int[] root = new int[first[slabs.length] + 1];
        for (int i = 0; i < root.length; i++) {
            root[i] = i;
        }
        for (int p = 0; p < slabs.length; p++) {
            IntList links = slabs[p].links();
            for (int i = 0; i < links.size(); i += 2) {
                int voxel = links.get(i + 1);
                int q = p;
                while (voxel < slabs[q].from()) {
                    q--;
                }
                while (voxel >= slabs[q].to()) {
                    q++;
                }
                unite(root, first[p] + links.get(i), first[q] + (seg[voxel] & ~LABELLED));
            }
        }
        int[] ids = new int[root.length];
        int next = 1;
        for (int i = 1; i < root.length; i++) {
            int r = find(root, i);
            ids[i] = r == i ? next++ : ids[r];
        }
        ids[0] = next - 1;
        return ids;
    }

    private static int find(int[] root, int i) {
        while (root[i] != i) {
            root[i] = root[root[i]];
            i = root[i];
        }
        return i;
    }

    /** Joins the sets of a and b under the smaller of their roots. */
    private static void unite(int[] root, int a, int b) {
        int ra = find(root, a);
        int rb = find(root, b);
        if (ra < rb) {
            root[rb] = ra;
        } else {
            root[ra] = rb;
        }
    }

    /** Labels voxels [from, to) with LABELLED | 1..count in raster order of their first voxels; background LABELLED | 0. */
    private static Slab label(int[] seg, int[] offsets, int[] step, int from, int to, Task task) {
        IntList visited = new IntList();
        IntList exits = new IntList();
        IntList links = new IntList();
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
                    label = search(seg, offsets, visited, exits, from, to);
                    break;
                }
                if (me + s < from || me + s >= to) {
                    exits.add(me + s);
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
            for (int i = 0; i < exits.size(); i++) {
                links.add(label & ~LABELLED);
                links.add(exits.get(i));
            }
            exits.clear();
        }
        task.stepped(to - from);
        return new Slab(from, to, next - 1, links);
    }

    /**
     * Breadth-first search on from the last visited voxel (which has several bits) within voxels
     * [from, to), adding what it reaches to {@code visited} and what it points at outside to
     * {@code exits}; returns the label of the first labelled voxel met, or 0. (The voxel lies on an
     * undivided plateau, closed under its bits, and the first search to reach a part of it that the slab
     * joins labels all of that part; so a search meets no labelled voxel, and no bit that leaves the slab
     * goes unrecorded.)
     */
    private static int search(int[] seg, int[] offsets, IntList visited, IntList exits, int from, int to) {
        for (int i = visited.size() - 1; i < visited.size(); i++) {
            int me = visited.get(i);
            int mine = seg[me];
            for (int d = 0; d < Directions.COUNT; d++) {
                if ((mine & BIT[d]) != 0) {
                    int him = me + offsets[d];
                    if (him < from || him >= to) {
                        exits.add(him);
                        continue;
                    }
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
