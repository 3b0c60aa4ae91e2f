package org.cmgseg.segmentation.fragments;

import static org.cmgseg.segmentation.fragments.Directions.BACK;
import static org.cmgseg.segmentation.fragments.Directions.BIT;

import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.util.IntList;

/**
 * The plateaus (voxels joined by pairs of bits that point at each other) that cross a boundary
 * between two ranges of voxels: {@link PlateauDivision} divides the others range by range on
 * separate threads, and these afterwards, in their corners' raster order.
 */
final class CrossingPlateaus {

    static final int CROSSING = 0x100;

    private CrossingPlateaus() {
    }

    /**
     * One voxel of every plateau with voxels on both sides of one of the flat-index {@code bounds},
     * from the direction bits; plateaus of voxels marked {@link DirectionBits#HIGH} are left out, as
     * they have no corners.
     */
    static IntList seeds(VoxelGrid grid, int[] seg, int[] bounds) {
        int[] offsets = Directions.offsets(grid);
        int slice = grid.sizeX() * grid.sizeY();
        IntList seeds = new IntList();
        for (int bound : bounds) {
            for (int v = Math.max(0, bound - slice); v < bound; v++) {
                for (int d = Directions.COUNT / 2; d < Directions.COUNT; d++) {
                    if ((seg[v] & DirectionBits.HIGH) == 0 && v + offsets[d] >= bound && joined(seg, offsets, v, d)) {
                        seeds.add(v);
                    }
                }
            }
        }
        return seeds;
    }

    /** Sets {@link #CROSSING} on every voxel of the plateaus of {@code seeds}; returns those voxels. */
    static IntList mark(int[] seg, int[] offsets, IntList seeds) {
        IntList marked = new IntList();
        for (int i = 0; i < seeds.size(); i++) {
            if ((seg[seeds.get(i)] & CROSSING) == 0) {
                flood(seg, offsets, seeds.get(i), marked);
            }
        }
        return marked;
    }

    /** Clears {@link #CROSSING} from the voxels {@link #mark} returned that their division left untouched. */
    static void unmark(int[] seg, IntList marked) {
        for (int i = 0; i < marked.size(); i++) {
            seg[marked.get(i)] &= ~CROSSING;
        }
    }

    private static boolean joined(int[] seg, int[] offsets, int v, int d) {
        return (seg[v] & BIT[d]) != 0 && (seg[v + offsets[d]] & BACK[d]) != 0;
    }

    private static void flood(int[] seg, int[] offsets, int start, IntList marked) {
        int from = marked.size();
        seg[start] |= CROSSING;
        marked.add(start);
        for (int i = from; i < marked.size(); i++) {
            int v = marked.get(i);
            for (int d = 0; d < Directions.COUNT; d++) {
                int w = v + offsets[d];
                if (joined(seg, offsets, v, d) && (seg[w] & CROSSING) == 0) {
                    seg[w] |= CROSSING;
                    marked.add(w);
                }
            }
        }
    }
}
