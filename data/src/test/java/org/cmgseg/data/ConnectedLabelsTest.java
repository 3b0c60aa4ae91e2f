package org.cmgseg.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.cmgseg.core.VoxelGrid;
import org.junit.jupiter.api.Test;

class ConnectedLabelsTest {

    private static final VoxelGrid ROW_OF_SIX = new VoxelGrid(6, 1, 1);

    @Test
    void piecesOfOneNeuriteBecomeSeparateObjectsNumberedInOrder() {
        int[] owner = {5, 5, 2, 2, 5, 5};
        assertArrayEquals(new long[] {1, 1, 2, 2, 3, 3}, ConnectedLabels.of(ROW_OF_SIX, owner, 2));
    }

    @Test
    void smallPiecesAreTakenOverByTheirNeighbours() {
        int[] owner = {0, 0, 0, 1, 0, 0};
        assertArrayEquals(new long[] {1, 1, 1, 1, 2, 2}, ConnectedLabels.of(ROW_OF_SIX, owner, 2));
    }

    @Test
    void connectivityIsByFacesOnly() {
        // 2 x 2 in one slice: the diagonal pairs touch only at an edge
        int[] owner = {3, 4, 4, 3};
        assertArrayEquals(new long[] {1, 2, 3, 4}, ConnectedLabels.of(new VoxelGrid(2, 2, 1), owner, 1));
    }

    @Test
    void aVolumeOfOnlySmallPiecesKeepsTheLargestOnes() {
        // voxel 3 is as near to both kept pieces; the one earlier in memory order reaches it first
        int[] owner = {1, 2, 2, 3, 4, 4};
        assertArrayEquals(new long[] {1, 1, 1, 1, 2, 2}, ConnectedLabels.of(ROW_OF_SIX, owner, 100));
    }
}
