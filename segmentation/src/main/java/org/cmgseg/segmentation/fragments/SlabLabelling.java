package org.cmgseg.segmentation.fragments;

import java.util.Arrays;
import org.cmgseg.core.Task;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.util.ArrayGrowth;
import org.cmgseg.segmentation.util.IntList;

/**
 * Step 4 of the steepest-ascent watershed within one slab of whole rows, voxels [from, to): the
 * connected components of the voxels joined by bits (either voxel's bit towards the other), by one
 * raster scan that looks only backwards. A voxel joins the labels of its -x, -y and -z neighbours
 * that it is joined to, or takes a new one; joined labels are united, the smaller staying. Only
 * sequential reads, where following the bits from voxel to voxel was a cache miss at every step.
 * <p>
 * The label is kept above a voxel's six bits ({@code label << 6 | bits}), so the bits of an earlier
 * slab's voxels can be read while their thread writes its labels. Labels are numbered in the raster
 * order of their first voxels, background 0; a join with a voxel before the slab is noted as a link.
 */
final class SlabLabelling {

    /** The most voxels in a slab: its labels then fit in the 26 bits above the six direction bits. */
    static final int MOST_VOXELS = (1 << 26) - 1;

    /** Where a voxel's label starts, above its six direction bits. */
    static final int SHIFT = 6;

    /**
     * The labels of one slab: 1..count, links (label, voxel) to voxels before it, and, at index
     * {@code value >>> SHIFT} for the value a voxel of the slab holds, its label.
     */
    record Slab(int from, int to, int count, IntList links, int[] labels) {

        int label(int value) {
            return labels[value >>> SHIFT];
        }
    }

    private final int[] seg;
    private final VoxelGrid grid;
    private final int from;
    private final int to;
    /** Each provisional label's parent, the label itself at a root; a root is the smallest label of its set. */
    private int[] parent = new int[1 << 10];
    private int provisional = 1;
    private final IntList links = new IntList();

    private SlabLabelling(int[] seg, VoxelGrid grid, int from, int to) {
        this.seg = seg;
        this.grid = grid;
        this.from = from;
        this.to = to;
    }

    /** Labels rows [rowFrom, rowTo), at most {@link #MOST_VOXELS} voxels, of {@code seg}; advances {@code task} by their voxels. */
    static Slab label(int[] seg, VoxelGrid grid, int rowFrom, int rowTo, Task task) {
        int sx = grid.sizeX();
        SlabLabelling slab = new SlabLabelling(seg, grid, rowFrom * sx, rowTo * sx);
        for (int row = rowFrom; row < rowTo; row++) {
            slab.row(row);
            task.advance(sx);
        }
        return slab.finish();
    }

    private void row(int row) {
        int sx = grid.sizeX();
        int sy = grid.sizeY();
        int slice = sx * sy;
        int z = row / sy;
        int y = row - z * sy;
        int start = row * sx;
        boolean hasY = y > 0;
        boolean hasZ = z > 0;
        // all ones where the row's y or z neighbours are before the slab
        int yOutside = hasY && start - sx < from ? -1 : 0;
        int zOutside = hasZ && start - slice < from ? -1 : 0;
        int previous = 0;
        for (int v = start; v < start + sx; v++) {
            int bits = seg[v];
            if (bits == 0) {
                previous = 0;
                continue;
            }
            // a neighbour's label where it is joined to v, else 0 (no bit points out of the volume); a neighbour before
            // the slab is linked instead, by the bits only, as its thread may not have labelled it yet. Bits 0x01, 0x02,
            // 0x04 point at -z, -y, -x, and 0x08, 0x10, 0x20 at +z, +y, +x
            int lx = ((bits & 0x04) | (previous & 0x20)) != 0 ? previous >>> SHIFT : 0;
            int ny = hasY ? seg[v - sx] : 0;
            int joinedY = (bits & 0x02) | (ny & 0x10);
            int ly = joinedY != 0 ? ny >>> SHIFT & ~yOutside : 0;
            int nz = hasZ ? seg[v - slice] : 0;
            int joinedZ = (bits & 0x01) | (nz & 0x08);
            int lz = joinedZ != 0 ? nz >>> SHIFT & ~zOutside : 0;
            int label = lx != 0 ? lx : ly != 0 ? ly : lz;
            if (label == 0) {
                label = newLabel();
            } else if ((ly | lz) != 0) {
                label = join(join(label, ly), lz);
            }
            previous = label << SHIFT | bits;
            seg[v] = previous;
            if (((joinedY & yOutside) | (joinedZ & zOutside)) != 0) {
                if ((joinedY & yOutside) != 0) {
                    link(label, v - sx);
                }
                if ((joinedZ & zOutside) != 0) {
                    link(label, v - slice);
                }
            }
        }
    }

    private int newLabel() {
        if (provisional == parent.length) {
            parent = Arrays.copyOf(parent, ArrayGrowth.next(parent.length, provisional + 1));
        }
        parent[provisional] = provisional;
        return provisional++;
    }

    /** The root of the union of the sets of two labels, the first not 0; {@code other} 0 is none. */
    private int join(int label, int other) {
        if (other == 0 || other == label) {
            return label;
        }
        int a = find(label);
        int b = find(other);
        if (a < b) {
            parent[b] = a;
            return a;
        }
        parent[a] = b;
        return b;
    }

    private int find(int label) {
        int p = parent[label];
        while (p != label) {
            int grand = parent[p];
            parent[label] = grand;
            label = p;
            p = grand;
        }
        return label;
    }

    private void link(int label, int voxel) {
        links.add(label);
        links.add(voxel);
    }

    /**
     * Numbers the sets by their roots, which are in the raster order of their first voxels (a voxel that
     * starts a set has no earlier voxel joined to it), in place of the parents, and turns the links'
     * labels into those numbers.
     */
    private Slab finish() {
        int count = 0;
        for (int l = 1; l < provisional; l++) {
            // a parent is smaller than its child, so already numbered as its root is
            parent[l] = parent[l] == l ? ++count : parent[parent[l]];
        }
        for (int i = 0; i < links.size(); i += 2) {
            links.set(i, parent[links.get(i)]);
        }
        return new Slab(from, to, count, links, parent);
    }
}
