package org.cmgseg.segmentation.fragments;

import org.cmgseg.segmentation.util.IntList;

/**
 * Seeds from a distance map: the regional maxima of its positive values (connected plateaus of equal
 * value, sharing a face, edge or corner, with no higher neighbour), each numbered 1..n in the raster
 * order of its first voxel.
 */
final class RegionalMaxima {

    private static final int NOT_MAXIMUM = -1;

    private RegionalMaxima() {
    }

    /** Writes seed ids into {@code seeds} (0 elsewhere); returns the number of seeds. */
    static int label(int[] value, Box box, int[] seeds) {
        int[] neighbours = new int[26];
        IntList plateau = new IntList();
        int next = 1;
        for (int p = 0; p < value.length; p++) {
            if (value[p] <= 0 || seeds[p] != 0) {
                continue;
            }
            int level = value[p];
            boolean maximum = true;
            plateau.clear();
            plateau.add(p);
            seeds[p] = NOT_MAXIMUM;
            for (int i = 0; i < plateau.size(); i++) {
                int q = plateau.get(i);
                int count = box.allNeighbours(q, neighbours);
                for (int k = 0; k < count; k++) {
                    int r = neighbours[k];
                    if (value[r] > level) {
                        maximum = false;
                    } else if (value[r] == level && seeds[r] == 0) {
                        seeds[r] = NOT_MAXIMUM;
                        plateau.add(r);
                    }
                }
            }
            int id = maximum ? next++ : NOT_MAXIMUM;
            for (int i = 0; i < plateau.size(); i++) {
                seeds[plateau.get(i)] = id;
            }
        }
        for (int p = 0; p < seeds.length; p++) {
            if (seeds[p] == NOT_MAXIMUM) {
                seeds[p] = 0;
            }
        }
        return next - 1;
    }
}
