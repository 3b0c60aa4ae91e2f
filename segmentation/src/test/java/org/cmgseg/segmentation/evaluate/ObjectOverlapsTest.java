package org.cmgseg.segmentation.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.junit.jupiter.api.Test;

class ObjectOverlapsTest {

    // one row of 8 voxels (x = 0..7): ground truth 0 | 1 1 1 1 | 2 2 | 3; segments 9 | 4 4 5 6 | 6 6 | 6
    private static final VoxelGrid GRID = new VoxelGrid(8, 1, 1);
    private static final long[] TRUTH = {0, 1, 1, 1, 1, 2, 2, 3};
    private static final long[] SEGMENTS = {9, 4, 4, 5, 6, 6, 6, 6};
    private static final ContingencyTable TABLE = ContingencyTable.of(TRUTH, SEGMENTS, RunContext.sequential());

    @Test
    void groundTruthObjectsSplitTheMostComeFirst() {
        List<ObjectOverlaps.Overlap> splits = ObjectOverlaps.splits(TABLE, TRUTH, SEGMENTS, GRID, 2);
        // object 1 lies in segments 4, 5 and 6 over x = 1..4; object 2 in segment 6 alone but is larger than object 3
        assertEquals(List.of(new ObjectOverlaps.Overlap(1, 3, 4, 0, 0, 2.5), new ObjectOverlaps.Overlap(2, 1, 2, 0, 0, 5.5)), splits);
    }

    @Test
    void segmentsMergingTheMostComeFirstAndGroundTruthZeroIsIgnored() {
        List<ObjectOverlaps.Overlap> merges = ObjectOverlaps.merges(TABLE, TRUTH, SEGMENTS, GRID, 10);
        // segment 6 covers objects 1, 2 and 3 at x = 4..7; segment 9 lies on ground truth 0 only, so it is not listed
        assertEquals(List.of(new ObjectOverlaps.Overlap(6, 3, 4, 0, 0, 5.5), new ObjectOverlaps.Overlap(4, 1, 2, 0, 0, 1.5),
                new ObjectOverlaps.Overlap(5, 1, 1, 0, 0, 3)), merges);
    }

    @Test
    void centresAreInZYX() {
        // a 3 x 2 x 2 (x, y, z) volume, one object on the voxels with x = 2 (z, y = 0..1): centre (0.5, 0.5, 2)
        VoxelGrid grid = new VoxelGrid(3, 2, 2);
        long[] truth = {0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1};
        long[] segments = {0, 0, 7, 0, 0, 7, 0, 0, 7, 0, 0, 7};
        assertEquals(List.of(new ObjectOverlaps.Overlap(1, 1, 4, 0.5, 0.5, 2)),
                ObjectOverlaps.splits(ContingencyTable.of(truth, segments, RunContext.sequential()), truth, segments, grid, 5));
    }
}
