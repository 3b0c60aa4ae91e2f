package org.cmgseg.segmentation.fragments;

import org.cmgseg.segmentation.util.IntList;

/**
 * The regional maxima of a map as {@code mahotas.regmax} finds them with its default cross: the
 * plateaus (face-connected voxels of equal value) none of whose face neighbours is higher. A map of
 * one value is one maximum.
 */
final class RegionalMaxima {

    private RegionalMaxima() {
    }

    static boolean[] of(int[] value, Box box) {
        boolean[] maximum = new boolean[value.length];
        boolean[] seen = new boolean[value.length];
        int[] neighbours = new int[6];
        IntList plateau = new IntList();
        for (int p = 0; p < value.length; p++) {
            if (seen[p]) {
                continue;
            }
            int level = value[p];
            boolean highest = true;
            plateau.clear();
            plateau.add(p);
            seen[p] = true;
            for (int i = 0; i < plateau.size(); i++) {
                int q = plateau.get(i);
                for (int k = 0, count = box.faceNeighbours(q, neighbours); k < count; k++) {
                    int r = neighbours[k];
                    if (value[r] > level) {
                        highest = false;
                    } else if (value[r] == level && !seen[r]) {
                        seen[r] = true;
                        plateau.add(r);
                    }
                }
            }
            if (highest) {
                for (int i = 0; i < plateau.size(); i++) {
                    maximum[plateau.get(i)] = true;
                }
            }
        }
        return maximum;
    }
}
