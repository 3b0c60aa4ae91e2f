package org.cmgseg.segmentation.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.junit.jupiter.api.Test;

class GroundTruthTest {

    @Test
    void countsTheLabelledVoxels() {
        GroundTruth gt = GroundTruth.of(new long[] {0, 3, 3, 0, -1L}, "gt.h5:/labels");
        assertEquals(3, gt.labelledVoxels());
    }

    @Test
    void masksTheBorders() {
        VoxelGrid grid = new VoxelGrid(4, 1, 1);
        long[] labels = {1, 1, 2, 2};
        GroundTruth gt = GroundTruth.masked(labels, grid, 0, 4, "gt", RunContext.sequential());
        // the border pixels (distance 0) are ignored, the others shifted by one as the official code does
        assertArrayEquals(new long[] {2, 0, 0, 3}, gt.labels());
        assertEquals(2, gt.labelledVoxels());
    }

    @Test
    void refusesGroundTruthWithoutLabels() {
        assertEquals("gt.h5:/labels has no labelled voxel (0 means ignore), so there is nothing to score against",
                assertThrows(IllegalArgumentException.class, () -> GroundTruth.of(new long[5], "gt.h5:/labels")).getMessage());
        VoxelGrid grid = new VoxelGrid(2, 1, 1);
        assertEquals("gt has no labelled voxel left by the 25.0 nm border mask (0 means ignore), so there is nothing to score against",
                assertThrows(IllegalArgumentException.class, () -> GroundTruth.masked(new long[] {1, 2}, grid, 25, 4, "gt", RunContext.sequential())).getMessage());
        assertEquals("gt has no labelled voxel (0 means ignore), so there is nothing to score against",
                assertThrows(IllegalArgumentException.class, () -> GroundTruth.masked(new long[2], grid, 25, 4, "gt", RunContext.sequential())).getMessage(),
                "the mask would make label 0 an object");
    }
}
