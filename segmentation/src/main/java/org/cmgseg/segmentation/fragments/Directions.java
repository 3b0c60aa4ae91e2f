package org.cmgseg.segmentation.fragments;

import org.cmgseg.core.VoxelGrid;

/** The six neighbour directions of the steepest-ascent watershed, in its order -z, -y, -x, +z, +y, +x. */
final class Directions {

    static final int COUNT = 6;
    static final int[] BIT = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20};
    /** The bit of the neighbour in direction d that points back. */
    static final int[] BACK = {0x08, 0x10, 0x20, 0x01, 0x02, 0x04};
    static final int ALL = 0x3f;

    private Directions() {
    }

    /** The flat-index step of each direction. */
    static int[] offsets(VoxelGrid grid) {
        int slice = grid.sizeX() * grid.sizeY();
        return new int[] {-slice, -grid.sizeX(), -1, slice, grid.sizeX(), 1};
    }
}
