package org.cmgseg.segmentation.fragments;

import org.cmgseg.core.Parallel;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.fragments.SlabLabelling.Slab;
import org.cmgseg.segmentation.util.IntList;

/**
 * Step 4 of the steepest-ascent watershed: each basin of the forest that the bits form becomes a
 * fragment, numbered 1..n in the raster order of its first voxel. A fragment is a connected component
 * of the voxels joined by bits, so threads label slabs of whole rows on their own
 * ({@link SlabLabelling}), noting each join with a voxel of an earlier slab as a link between their own
 * label and that voxel. The links then unite the slabs' labels into fragments, numbered by their first
 * voxel, which is the first voxel of their earliest slab label.
 */
final class BasinLabelling {

    private BasinLabelling() {
    }

    /** Replaces the direction bits by fragment ids; returns the number of fragments. Advances {@code task} by one pass over the voxels. */
    static int run(VoxelGrid grid, int[] seg, RunContext context, Task task) {
        if (grid.sizeX() > SlabLabelling.MOST_VOXELS) {
            throw new IllegalArgumentException("the watershed labels rows of at most " + SlabLabelling.MOST_VOXELS
                    + " voxels, but the volume's x size is " + grid.sizeX());
        }
        int rows = grid.sizeY() * grid.sizeZ();
        int rowsPerSlab = SlabLabelling.MOST_VOXELS / grid.sizeX();
        int parts = Math.max(Math.min(context.threads(), rows), (rows + rowsPerSlab - 1) / rowsPerSlab);
        Slab[] slabs = new Slab[parts];
        context.forEach(parts, p -> slabs[p] = SlabLabelling.label(seg, grid,
                Parallel.partStart(rows, parts, p), Parallel.partStart(rows, parts, p + 1), task));
        // slab p's label l at first[p] + l; first[p] itself is its background, id 0
        int[] first = new int[parts + 1];
        for (int p = 0; p < parts; p++) {
            first[p + 1] = first[p] + slabs[p].count() + 1;
        }
        int[] ids = new int[first[parts]];
        int count = fragmentIds(seg, slabs, first, ids);
        context.forEach(parts, p -> {
            int[] idOf = slabs[p].labels();
            for (int l = 0; l < idOf.length; l++) {
                idOf[l] = ids[first[p] + idOf[l]];
            }
            for (int v = slabs[p].from(); v < slabs[p].to(); v++) {
                seg[v] = idOf[seg[v] >>> SlabLabelling.SHIFT];
            }
        });
        return count;
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
                unite(root, first[p] + links.get(i), first[q] + slabs[q].label(seg[voxel]));
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
