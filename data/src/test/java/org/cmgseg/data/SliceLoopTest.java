package org.cmgseg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicIntegerArray;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;

class SliceLoopTest {

    @Property(tries = 30)
    void everySliceIsVisitedExactlyOnce(@ForAll @IntRange(min = 1, max = 40) int sizeZ, @ForAll @IntRange(min = 1, max = 300) int side,
                                        @ForAll @IntRange(min = 1, max = 6) int threads) {
        VoxelGrid grid = new VoxelGrid(side, side, sizeZ);
        AtomicIntegerArray visits = new AtomicIntegerArray(sizeZ);
        RunContext context = RunContext.of(threads, Progress.NONE);
        new SliceLoop(grid, context, context.task("slices", grid.voxels())).forSlices((zFrom, zTo) -> {
            for (int z = zFrom; z < zTo; z++) {
                visits.incrementAndGet(z);
            }
        });
        for (int z = 0; z < sizeZ; z++) {
            assertEquals(1, visits.get(z), "visits of slice " + z);
        }
    }
}
