package org.cmgseg.segmentation.fragments;

import static org.cmgseg.segmentation.fragments.SlabLabelling.LABELLED;

import org.cmgseg.core.Parallel;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.fragments.SlabLabelling.Slab;
import org.cmgseg.segmentation.util.IntList;

/**
 * Step 4 of the steepest-ascent watershed: each basin of the forest that the bits form becomes a
 * fragment, numbered 1..n in the raster order of its first voxel. A fragment is a connected component
 * of the voxels joined by bits, so threads label slabs of whole z-slices on their own
 * ({@link SlabLabelling}), noting each bit that leaves a slab as a link between their own label and the
 * voxel it points at. The links then unite the slabs' labels into fragments, numbered by their first
 * voxel, which is the first voxel of their earliest slab label.
 */
final class BasinLabelling {

    private BasinLabelling() {
    }

    /** Replaces the direction bits by fragment ids; returns the number of fragments. Advances {@code task} by one pass over the voxels. */
    static int run(VoxelGrid grid, int[] seg, RunContext context, Task task) {
        int[] offsets = Directions.offsets(grid);
        int[] step = SlabLabelling.steps(offsets);
        int slice = grid.sizeX() * grid.sizeY();
        int parts = Math.max(1, Math.min(context.threads(), grid.sizeZ()));
        Slab[] slabs = new Slab[parts];
        context.forEach(parts, p -> slabs[p] = SlabLabelling.label(seg, offsets, step,
                Parallel.partStart(grid.sizeZ(), parts, p) * slice, Parallel.partStart(grid.sizeZ(), parts, p + 1) * slice, task));
        // slab p's label l at first[p] + l; first[p] itself is its background, id 0
        int[] first = new int[parts + 1];
        for (int p = 0; p < parts; p++) {
            first[p + 1] = first[p] + slabs[p].count() + 1;
        }
        int[] ids = new int[first[parts]];
        int count = fragmentIds(seg, slabs, first, ids);
        context.forEach(parts, p -> {
            int base = first[p];
            int from = slabs[p].from();
            int to = slabs[p].to();
            if (labelsAreIds(ids, base, first[p + 1])) {
                // (the first slab, unless two of its labels were united): cheaper than looking every voxel up
                for (int v = from; v < to; v++) {
                    seg[v] &= ~LABELLED;
                }
            } else {
                for (int v = from; v < to; v++) {
                    seg[v] = ids[base + (seg[v] & ~LABELLED)];
                }
            }
        });
        return count;
    }

    /** Whether the slab labels at [base + 1, end) of {@code ids} have themselves as ids. */
    private static boolean labelsAreIds(int[] ids, int base, int end) {
        for (int i = base + 1; i < end; i++) {
            if (ids[i] != i - base) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes the fragment id of every slab label into {@code ids}; returns the number of fragments.
     * Labels in slab order, each slab's in raster order, are in the order of their first voxels, so
     * uniting each set of linked labels under its smallest index and numbering the sets by it numbers
     * the fragments by their first voxels.
     */
    private static int fragmentIds(int[] seg, Slab[] slabs, int[] first, int[] ids) {
        int[] root = new int[ids.length];
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
        int next = 1;
        for (int p = 0; p < slabs.length; p++) {
            for (int i = first[p] + 1; i < first[p + 1]; i++) {
                int r = find(root, i);
                ids[i] = r == i ? next++ : ids[r];
            }
        }
        return next - 1;
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
}
