package org.cmgseg.segmentation.fragments;

import org.cmgseg.core.Task;
import org.cmgseg.segmentation.util.IntList;

/**
 * The face-connected components of a mask (4-connected in 2D, 6-connected in 3D), numbered 1..n in
 * the raster order of their first voxel, as {@code mahotas.label} numbers them with its default
 * cross.
 */
final class ConnectedComponents {

    private ConnectedComponents() {
    }

    /** Writes component ids into {@code labels} (0 outside the mask); returns the number of components. */
    /** Advances {@code progress} by the voxels. */
    static int label(boolean[] mask, Box box, int[] labels, Task progress) {
        int[] neighbours = new int[6];
        IntList component = new IntList();
        int next = 0;
        for (int p = 0; p < mask.length; p++) {
            progress.step(p);
            if (!mask[p] || labels[p] != 0) {
                continue;
            }
            int id = ++next;
            labels[p] = id;
            component.clear();
            component.add(p);
            for (int i = 0; i < component.size(); i++) {
                int q = component.get(i);
                for (int k = 0, count = box.faceNeighbours(q, neighbours); k < count; k++) {
                    int r = neighbours[k];
                    if (mask[r] && labels[r] == 0) {
                        labels[r] = id;
                        component.add(r);
                    }
                }
            }
        }
        progress.stepped(mask.length);
        return next;
    }
}
