package org.cmgseg.segmentation.fragments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;

class PlateauDivisionTest {

    /**
     * Every voxel's bits equal those of the plain serial division (all corners in raster order, then
     * first in first out) on any number of threads: plateaus divided on different threads do not
     * disturb each other, and those that cross a boundary between the threads' parts keep their order.
     */
    @Property(tries = 200)
    void bitsEqualTheSerialDivision(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int sx, @ForAll @IntRange(min = 1, max = 9) int sy,
            @ForAll @IntRange(min = 1, max = 12) int sz, @ForAll @IntRange(min = 1, max = 3) int levels,
            @ForAll @IntRange(min = 1, max = 4) int threads) throws IOException {
        VoxelGrid grid = new VoxelGrid(sx, sy, sz);
        AffinityGraph graph = SteepestAscentWatershedTest.coarse(seed, grid, levels);
        long[] expected = SpecWatershed.dividedBits(graph.values(), sx, sy, sz, FragmentMethod.WATERZ_LOW, FragmentMethod.WATERZ_HIGH);
        int[] seg = new int[(int) grid.voxels()];
        RunContext context = RunContext.of(threads, Progress.NONE);
        DirectionBits.compute(AffinitySource.of(graph), FragmentMethod.WATERZ_LOW, FragmentMethod.WATERZ_HIGH, seg, context,
                context.task("division", 2 * grid.voxels()));
        PlateauDivision.run(grid, seg, context, context.task("division", seg.length));
        assertArrayEquals(expected, Arrays.stream(seg).asLongStream().toArray());
    }
}
