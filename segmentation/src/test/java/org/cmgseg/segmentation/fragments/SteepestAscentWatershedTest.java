package org.cmgseg.segmentation.fragments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cmgseg.affinities.io.ArrayDataset;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SteepestAscentWatershedTest {

    /** Affinities from a few values only, the largest at or above {@code high}: plateaus and ties everywhere. */
    static AffinityGraph coarse(long seed, VoxelGrid grid, int levels) {
        Random random = new Random(seed);
        float[] values = new float[3 * (int) grid.voxels()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(levels + 1) / (float) levels;
        }
        return new AffinityGraph(grid, values);
    }

    /**
     * Equal to the plain four-step algorithm of the spec, for any thread count and slab depth (the
     * parallel reduction of simple corners and the labelling of slabs by a raster scan change nothing).
     */
    @Property(tries = 150)
    void equalsThePlainAlgorithm(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int sx, @ForAll @IntRange(min = 1, max = 9) int sy,
            @ForAll @IntRange(min = 1, max = 7) int sz, @ForAll @IntRange(min = 1, max = 6) int levels,
            @ForAll @IntRange(min = 1, max = 3) int threads, @ForAll @IntRange(min = 1, max = 4) int slabDepth) throws IOException {
        VoxelGrid grid = new VoxelGrid(sx, sy, sz);
        AffinityGraph graph = coarse(seed, grid, levels);
        long[] expected = SpecWatershed.fragments(graph.values(), sx, sy, sz, FragmentMethod.WATERZ_LOW, FragmentMethod.WATERZ_HIGH);
        ArrayDataset dataset = new ArrayDataset(new long[] {sx, sy, sz, 3}, DataType.FLOAT32, graph.values());
        Fragments fragments = SteepestAscentWatershed.compute(AffinitySource.of(dataset, slabDepth), FragmentMethod.WATERZ_LOW,
                FragmentMethod.WATERZ_HIGH, RunContext.of(threads, Progress.NONE));
        long[] actual = new long[expected.length];
        long max = 0;
        for (int v = 0; v < actual.length; v++) {
            actual[v] = fragments.ids()[v];
            max = Math.max(max, expected[v]);
        }
        assertArrayEquals(expected, actual);
        assertEquals(max, fragments.count());
    }

    /**
     * Equal to the plain algorithm when many threads label thin slabs each: plateaus and paths that cross
     * several slab faces are joined again into one fragment, numbered by its first voxel.
     */
    @Property(tries = 60)
    void thinSlabsOnManyThreadsEqualThePlainAlgorithm(@ForAll long seed, @ForAll @IntRange(min = 1, max = 9) int sx,
            @ForAll @IntRange(min = 1, max = 9) int sy, @ForAll @IntRange(min = 4, max = 16) int sz, @ForAll @IntRange(min = 1, max = 3) int levels,
            @ForAll @IntRange(min = 4, max = 8) int threads) throws IOException {
        VoxelGrid grid = new VoxelGrid(sx, sy, sz);
        AffinityGraph graph = coarse(seed, grid, levels);
        long[] expected = SpecWatershed.fragments(graph.values(), sx, sy, sz, FragmentMethod.WATERZ_LOW, FragmentMethod.WATERZ_HIGH);
        Fragments fragments = SteepestAscentWatershed.compute(AffinitySource.of(graph), FragmentMethod.WATERZ_LOW,
                FragmentMethod.WATERZ_HIGH, RunContext.of(threads, Progress.NONE));
        assertArrayEquals(expected, Arrays.stream(fragments.ids()).asLongStream().toArray());
        assertEquals(Arrays.stream(expected).max().orElse(0), fragments.count());
    }

    /**
     * Equal to the plain algorithm when every slab of the labelling is a single row, so that every join along
     * y and z is a link between slabs, made while the slab linked to may still be writing its labels.
     */
    @Property(tries = 60)
    void oneRowSlabsEqualThePlainAlgorithm(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int sx,
            @ForAll @IntRange(min = 1, max = 3) int sy, @ForAll @IntRange(min = 1, max = 3) int sz, @ForAll @IntRange(min = 1, max = 3) int levels)
            throws IOException {
        VoxelGrid grid = new VoxelGrid(sx, sy, sz);
        AffinityGraph graph = coarse(seed, grid, levels);
        long[] expected = SpecWatershed.fragments(graph.values(), sx, sy, sz, FragmentMethod.WATERZ_LOW, FragmentMethod.WATERZ_HIGH);
        Fragments fragments = SteepestAscentWatershed.compute(AffinitySource.of(graph), FragmentMethod.WATERZ_LOW,
                FragmentMethod.WATERZ_HIGH, RunContext.of(sy * sz, Progress.NONE));
        assertArrayEquals(expected, Arrays.stream(fragments.ids()).asLongStream().toArray());
    }

    /** An in-memory graph is not checked, so -0.0 reaches the watershed, which takes it as 0 (also at low = 0). */
    @Property(tries = 100)
    void negativeZeroInAnInMemoryGraphIsTakenAsZero(@ForAll long seed, @ForAll @IntRange(min = 1, max = 9) int sx,
            @ForAll @IntRange(min = 1, max = 9) int sy, @ForAll @IntRange(min = 1, max = 6) int sz, @ForAll @IntRange(min = 1, max = 3) int levels,
            @ForAll boolean lowZero) throws IOException {
        VoxelGrid grid = new VoxelGrid(sx, sy, sz);
        float[] values = coarse(seed, grid, levels).values();
        Random random = new Random(~seed);
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i] == 0 && random.nextBoolean() ? -0.0f : values[i];
        }
        float low = lowZero ? 0 : FragmentMethod.WATERZ_LOW;
        long[] expected = SpecWatershed.fragments(values, sx, sy, sz, low, FragmentMethod.WATERZ_HIGH);
        Fragments fragments = SteepestAscentWatershed.compute(AffinitySource.of(new AffinityGraph(grid, values)), low,
                FragmentMethod.WATERZ_HIGH, RunContext.of(2, Progress.NONE));
        assertArrayEquals(expected, Arrays.stream(fragments.ids()).asLongStream().toArray());
    }

    /**
     * A U-shaped plateau (affinity 1) whose two arms meet only in the last slice, around a small fragment
     * of its own: on several threads the arms lie in one slab as two parts joined through another, and
     * the fragment between them must still be number 2, as one pass in raster order numbers it.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void plateauJoinedThroughAnotherSlabIsOneFragment(int threads) throws IOException {
        VoxelGrid grid = new VoxelGrid(5, 1, 4);
        int n = (int) grid.voxels();
        float[] values = new float[3 * n];
        for (int z = 1; z < 4; z++) {
            values[grid.index(0, 0, z)] = 1;
            values[grid.index(4, 0, z)] = 1;
        }
        for (int x = 1; x < 5; x++) {
            values[2 * n + grid.index(x, 0, 3)] = 1;
        }
        values[2 * n + grid.index(2, 0, 0)] = 0.5f;
        values[2 * n + grid.index(3, 0, 0)] = 0.5f;
        Fragments fragments = SteepestAscentWatershed.compute(AffinitySource.of(new AffinityGraph(grid, values)), FragmentMethod.WATERZ_LOW,
                FragmentMethod.WATERZ_HIGH, RunContext.of(threads, Progress.NONE));
        int[] expected = {
            1, 2, 2, 2, 1,
            1, 0, 0, 0, 1,
            1, 0, 0, 0, 1,
            1, 1, 1, 1, 1};
        assertArrayEquals(expected, fragments.ids());
        assertEquals(2, fragments.count());
    }

    /** Background is exactly the voxels whose six affinities are all at most low; ids follow first voxels. */
    @Property(tries = 100)
    void backgroundAndNumbering(@ForAll long seed, @ForAll @IntRange(min = 1, max = 10) int s) throws IOException {
        VoxelGrid grid = new VoxelGrid(s + 2, s + 1, s);
        AffinityGraph graph = coarse(seed, grid, 3);
        float low = 0.34f;
        Fragments fragments = SteepestAscentWatershed.compute(AffinitySource.of(graph), low, 0.9999f, RunContext.of(2, Progress.NONE));
        int next = 1;
        for (int z = 0; z < grid.sizeZ(); z++) {
            for (int y = 0; y < grid.sizeY(); y++) {
                for (int x = 0; x < grid.sizeX(); x++) {
                    int v = grid.index(x, y, z);
                    boolean allLow = graph.get(0, x, y, z) <= low || z == 0;
                    allLow &= graph.get(1, x, y, z) <= low || y == 0;
                    allLow &= graph.get(2, x, y, z) <= low || x == 0;
                    allLow &= z == grid.sizeZ() - 1 || graph.get(0, x, y, z + 1) <= low;
                    allLow &= y == grid.sizeY() - 1 || graph.get(1, x, y + 1, z) <= low;
                    allLow &= x == grid.sizeX() - 1 || graph.get(2, x + 1, y, z) <= low;
                    int id = fragments.ids()[v];
                    assertEquals(allLow, id == 0, "voxel " + v);
                    if (id == next) {
                        next++;
                    } else {
                        assertEquals(true, id < next, "fragment ids appear in raster order");
                    }
                }
            }
        }
        assertEquals(next - 1, fragments.count());
    }
}
