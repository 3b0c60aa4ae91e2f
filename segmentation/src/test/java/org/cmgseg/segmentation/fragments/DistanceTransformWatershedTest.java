package org.cmgseg.segmentation.fragments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
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
import org.junit.jupiter.api.Test;

/**
 * Both distance-transform watersheds against a deliberately plain oracle of their published recipes,
 * voxel for voxel on random volumes: a brute-force distance transform, regional maxima and components
 * by repeating local rules until nothing changes, window maxima by looking at the whole window, and
 * flooding from a {@link PriorityQueue} of (value, arrival). The published pipeline itself is checked
 * on real data by MalaParityTest.
 */
class DistanceTransformWatershedTest {

    @Property(tries = 60)
    void perSliceIsTheMalaRecipe(@ForAll long seed, @ForAll @IntRange(min = 1, max = 14) int sx, @ForAll @IntRange(min = 1, max = 12) int sy,
            @ForAll @IntRange(min = 1, max = 4) int sz, @ForAll boolean coarse, @ForAll @IntRange(min = 1, max = 3) int threads,
            @ForAll @IntRange(min = 0, max = 3) int slabDepth) throws IOException {
        AffinityGraph affinities = randomAffinities(new Random(seed), new VoxelGrid(sx, sy, sz), coarse);
        Fragments fragments = DistanceTransformWatershed.perSlice(source(affinities, slabDepth), RunContext.of(threads, Progress.NONE));
        int[] expected = Oracle.perSlice(affinities.values(), sx, sy, sz);
        assertArrayEquals(expected, fragments.ids());
        assertEquals(Arrays.stream(expected).max().orElseThrow(), fragments.count());
    }

    @Property(tries = 60)
    void volumeIsLsdsRecipe(@ForAll long seed, @ForAll @IntRange(min = 1, max = 16) int sx, @ForAll @IntRange(min = 1, max = 13) int sy,
            @ForAll @IntRange(min = 1, max = 12) int sz, @ForAll boolean coarse, @ForAll @IntRange(min = 1, max = 3) int threads,
            @ForAll @IntRange(min = 0, max = 5) int slabDepth) throws IOException {
        AffinityGraph affinities = randomAffinities(new Random(seed), new VoxelGrid(sx, sy, sz), coarse);
        Fragments fragments = DistanceTransformWatershed.volume(source(affinities, slabDepth), RunContext.of(threads, Progress.NONE));
        int[] expected = Oracle.volume(affinities.values(), sx, sy, sz);
        assertArrayEquals(expected, fragments.ids());
        assertEquals(Arrays.stream(expected).max().orElseThrow(), fragments.count());
    }

    /** The affinities in memory (slab depth 0), or as a dataset read in slabs of that many z-slices, the last one cut short. */
    private static AffinitySource source(AffinityGraph affinities, int slabDepth) {
        if (slabDepth == 0) {
            return AffinitySource.of(affinities);
        }
        VoxelGrid grid = affinities.grid();
        long[] dims = {grid.sizeX(), grid.sizeY(), grid.sizeZ(), AffinityGraph.CHANNELS};
        return AffinitySource.of(new ArrayDataset(dims, DataType.FLOAT32, affinities.values()), slabDepth);
    }

    /** A slice that is all boundary, or has none, is one fragment (one plateau of the distance), as in the published scripts. */
    @Test
    void uniformSlicesAreOneFragmentEach() throws IOException {
        VoxelGrid grid = new VoxelGrid(5, 4, 3);
        float[] values = new float[3 * 60];
        for (int c = 0; c < 3; c++) {
            Arrays.fill(values, c * 60 + 20, c * 60 + 40, 1f);
        }
        Fragments fragments = DistanceTransformWatershed.perSlice(AffinitySource.of(new AffinityGraph(grid, values)), RunContext.sequential());
        int[] expected = new int[60];
        Arrays.fill(expected, 0, 20, 1);
        Arrays.fill(expected, 20, 40, 2);
        Arrays.fill(expected, 40, 60, 3);
        assertArrayEquals(expected, fragments.ids());
    }

    /** Labels at push time from the lowest value, first come first served. */
    @Test
    void floodingOrder() {
        float[] values = {0f, 0.9f, 0.1f, 0.8f, 0f};
        int[] priority = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            priority[i] = SeededWatershed.priority(values[i]);
        }
        int[] labels = {1, 0, 0, 0, 2};
        SeededWatershed.flood(priority, new Box(5, 1, 1), labels, RunContext.sequential().task("flood", 5));
        assertArrayEquals(new int[] {1, 1, 2, 2, 2}, labels);
    }

    /**
     * Smooth blobs (cells, boundaries, broad plateaus of the distance), or, when coarse, affinities
     * from five levels, so that boundary values tie and the distance has many equal neighbours.
     */
    private static AffinityGraph randomAffinities(Random random, VoxelGrid grid, boolean coarse) {
        int n = (int) grid.voxels();
        float[] values = new float[3 * n];
        if (coarse) {
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextInt(5) / 4f;
            }
            return new AffinityGraph(grid, values);
        }
        float[] boundary = new float[n];
        double[][] centres = new double[2 + random.nextInt(5)][3];
        for (double[] c : centres) {
            c[0] = random.nextDouble() * grid.sizeX();
            c[1] = random.nextDouble() * grid.sizeY();
            c[2] = random.nextDouble() * grid.sizeZ();
        }
        double width = 1 + 3 * random.nextDouble();
        for (int v = 0; v < n; v++) {
            int x = v % grid.sizeX();
            int y = v / grid.sizeX() % grid.sizeY();
            int z = v / (grid.sizeX() * grid.sizeY());
            double best = Double.MAX_VALUE;
            double second = Double.MAX_VALUE;
            for (double[] c : centres) {
                double d = Math.hypot(Math.hypot(x - c[0], y - c[1]), z - c[2]);
                if (d < best) {
                    second = best;
                    best = d;
                } else if (d < second) {
                    second = d;
                }
            }
            boundary[v] = (float) Math.max(0, 1 - (second - best) / width) * (random.nextInt(4) == 0 ? 0.9f : 1f);
        }
        return AffinityGraph.fromBoundaryMap(grid, boundary);
    }

    /** The recipes written as plainly as possible, on (3, z, y, x) affinities. */
    private static final class Oracle {

        static int[] perSlice(float[] affinities, int sx, int sy, int sz) {
            int slice = sx * sy;
            int n = slice * sz;
            int[] ids = new int[n];
            int next = 0;
            for (int z = 0; z < sz; z++) {
                double[] boundary = new double[slice];
                boolean[] inside = new boolean[slice];
                for (int i = 0; i < slice; i++) {
                    float b = 1f - 0.5f * (affinities[n + z * slice + i] + affinities[2 * n + z * slice + i]);
                    boundary[i] = b;
                    inside[i] = b < 0.5f;
                }
                int[] distance = EuclideanDistanceTransformTest.bruteForce(inside, sx, sy, 1);
                int[] seeds = components(regionalMaxima(distance, sx, sy, 1), sx, sy, 1);
                int[] labels = flood(boundary, seeds, sx, sy, 1);
                int count = Arrays.stream(seeds).max().orElseThrow();
                for (int i = 0; i < slice; i++) {
                    ids[z * slice + i] = labels[i] + next;
                }
                next += count;
            }
            return ids;
        }

        static int[] volume(float[] affinities, int sx, int sy, int sz) {
            int n = sx * sy * sz;
            boolean[] inside = new boolean[n];
            for (int v = 0; v < n; v++) {
                inside[v] = (affinities[v] + affinities[n + v] + affinities[2 * n + v]) / 3f > 0.5f;
            }
            int[] distance = EuclideanDistanceTransformTest.bruteForce(inside, sx, sy, sz);
            boolean[] seeds = new boolean[n];
            double[] depth = new double[n];
            for (int v = 0; v < n; v++) {
                int x = v % sx;
                int y = v / sx % sy;
                int z = v / (sx * sy);
                int max = Integer.MIN_VALUE;
                for (int wz = Math.max(0, z - 5); wz <= Math.min(sz - 1, z + 4); wz++) {
                    for (int wy = Math.max(0, y - 5); wy <= Math.min(sy - 1, y + 4); wy++) {
                        for (int wx = Math.max(0, x - 5); wx <= Math.min(sx - 1, x + 4); wx++) {
                            max = Math.max(max, distance[(wz * sy + wy) * sx + wx]);
                        }
                    }
                }
                seeds[v] = distance[v] == max;
                depth[v] = -Math.sqrt(distance[v]);
            }
            return flood(depth, components(seeds, sx, sy, sz), sx, sy, sz);
        }

        /** Local maxima (no higher face neighbour), then, until nothing changes, drop those next to an equal non-maximum. */
        static boolean[] regionalMaxima(int[] value, int sx, int sy, int sz) {
            boolean[] maximum = new boolean[value.length];
            for (int v = 0; v < value.length; v++) {
                final int at = v;
                maximum[v] = neighbours(v, sx, sy, sz).stream().noneMatch(w -> value[w] > value[at]);
            }
            for (boolean changed = true; changed;) {
                changed = false;
                for (int v = 0; v < value.length; v++) {
                    for (int w : neighbours(v, sx, sy, sz)) {
                        if (maximum[v] && !maximum[w] && value[w] == value[v]) {
                            maximum[v] = false;
                            changed = true;
                        }
                    }
                }
            }
            return maximum;
        }

        /** Each voxel of the mask takes its smallest neighbour's mark until nothing changes; then marks become 1..n in raster order. */
        static int[] components(boolean[] mask, int sx, int sy, int sz) {
            int[] mark = new int[mask.length];
            for (int v = 0; v < mask.length; v++) {
                mark[v] = mask[v] ? v : -1;
            }
            for (boolean changed = true; changed;) {
                changed = false;
                for (int v = 0; v < mask.length; v++) {
                    for (int w : neighbours(v, sx, sy, sz)) {
                        if (mask[v] && mask[w] && mark[w] < mark[v]) {
                            mark[v] = mark[w];
                            changed = true;
                        }
                    }
                }
            }
            int[] number = new int[mask.length];
            int[] labels = new int[mask.length];
            int next = 0;
            for (int v = 0; v < mask.length; v++) {
                if (mask[v]) {
                    if (number[mark[v]] == 0) {
                        number[mark[v]] = ++next;
                    }
                    labels[v] = number[mark[v]];
                }
            }
            return labels;
        }

        /** Seeds enter in raster order; the lowest (value, arrival) is taken, and its unlabelled neighbours take its label. */
        static int[] flood(double[] value, int[] seeds, int sx, int sy, int sz) {
            int[] labels = seeds.clone();
            PriorityQueue<double[]> queue = new PriorityQueue<>(Comparator.<double[]>comparingDouble(e -> e[0]).thenComparingDouble(e -> e[1]));
            int arrivals = 0;
            for (int v = 0; v < labels.length; v++) {
                if (labels[v] != 0) {
                    queue.add(new double[] {value[v], arrivals++, v});
                }
            }
            while (!queue.isEmpty()) {
                int v = (int) queue.poll()[2];
                for (int w : neighbours(v, sx, sy, sz)) {
                    if (labels[w] == 0) {
                        labels[w] = labels[v];
                        queue.add(new double[] {value[w], arrivals++, w});
                    }
                }
            }
            return labels;
        }

        static List<Integer> neighbours(int v, int sx, int sy, int sz) {
            int x = v % sx;
            int y = v / sx % sy;
            int z = v / (sx * sy);
            List<Integer> out = new ArrayList<>();
            int[][] steps = {{0, 0, -1}, {0, -1, 0}, {-1, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
            for (int[] s : steps) {
                int nx = x + s[0];
                int ny = y + s[1];
                int nz = z + s[2];
                if (nx >= 0 && nx < sx && ny >= 0 && ny < sy && nz >= 0 && nz < sz) {
                    out.add((nz * sy + ny) * sx + nx);
                }
            }
            return out;
        }
    }
}
