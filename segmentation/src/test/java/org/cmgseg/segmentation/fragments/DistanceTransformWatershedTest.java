package org.cmgseg.segmentation.fragments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cmgseg.affinities.AffinityGraph;
import org.cmgseg.affinities.VoxelGrid;
import org.cmgseg.segmentation.WaterzReference;
import org.cmgseg.segmentation.io.AffinitySource;
import org.junit.jupiter.api.Test;

/**
 * The distance-transform seeded watershed against independent truth: seeds are the regional maxima
 * of a brute-force distance transform, every voxel connected to a seed is flooded, each fragment is
 * one connected region around one seed, and ids are unique and numbered slice by slice.
 */
class DistanceTransformWatershedTest {

    /** Random affinities with smooth blobs, so that there are cells, boundaries and plateaus. */
    private static AffinityGraph blobs(long seed, VoxelGrid grid) {
        Random random = new Random(seed);
        int n = (int) grid.voxels();
        float[] boundary = new float[n];
        double[][] centres = new double[4][3];
        for (double[] c : centres) {
            c[0] = random.nextDouble() * grid.sizeX();
            c[1] = random.nextDouble() * grid.sizeY();
            c[2] = random.nextDouble() * grid.sizeZ();
        }
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
            boundary[v] = (float) Math.max(0, 1 - (second - best) / 2) * (random.nextInt(4) == 0 ? 0.9f : 1f);
        }
        return AffinityGraph.fromBoundaryMap(grid, boundary);
    }

    @Property(tries = 40)
    void perSliceFragmentsGrowFromTheRegionalMaximaOfTheDistance(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int sz,
            @ForAll @IntRange(min = 1, max = 3) int threads) throws IOException {
        VoxelGrid grid = new VoxelGrid(13, 11, sz);
        AffinityGraph affinities = blobs(seed, grid);
        Fragments fragments = DistanceTransformWatershed.perSlice(AffinitySource.of(affinities), threads);
        int slice = 13 * 11;
        int previousMax = 0;
        for (int z = 0; z < sz; z++) {
            float[] b = new float[slice];
            boolean[] inside = new boolean[slice];
            for (int i = 0; i < slice; i++) {
                int v = z * slice + i;
                b[i] = 1f - (affinities.values()[affinities.channelOffset(1) + v] + affinities.values()[affinities.channelOffset(2) + v]) / 2f;
                inside[i] = b[i] < 0.5f;
            }
            int[] ids = Arrays.copyOfRange(fragments.ids(), z * slice, (z + 1) * slice);
            int maxima = checkRegion(ids, EuclideanDistanceTransformTest.bruteForce(inside, 13, 11, 1), new Box(13, 11, 1));
            if (maxima == 0) {
                assertTrue(Arrays.stream(ids).allMatch(id -> id == 0), "a slice without seeds stays background");
                continue;
            }
            int min = Arrays.stream(ids).min().orElseThrow();
            int max = Arrays.stream(ids).max().orElseThrow();
            assertEquals(previousMax + 1, min, "ids continue from the slice before");
            assertEquals(previousMax + maxima, max);
            previousMax = max;
        }
        assertEquals(previousMax, fragments.count());
    }

    @Property(tries = 30)
    void volumeFragmentsGrowFromTheRegionalMaximaOfTheDistance(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int sz)
            throws IOException {
        VoxelGrid grid = new VoxelGrid(9, 8, sz);
        AffinityGraph affinities = blobs(seed, grid);
        Fragments fragments = DistanceTransformWatershed.volume(AffinitySource.of(affinities), 2);
        int n = (int) grid.voxels();
        boolean[] inside = new boolean[n];
        for (int v = 0; v < n; v++) {
            float[] a = affinities.values();
            inside[v] = 1f - (a[v] + a[n + v] + a[2 * n + v]) / 3f < 0.5f;
        }
        int maxima = checkRegion(fragments.ids(), EuclideanDistanceTransformTest.bruteForce(inside, 9, 8, sz), new Box(9, 8, sz));
        assertEquals(maxima, fragments.count());
    }

    @Test
    void galaSlicesAreCoveredEntirely() throws IOException {
        Fragments fragments = DistanceTransformWatershed.perSlice(AffinitySource.of(WaterzReference.affinities("affinities")), 2);
        assertTrue(Arrays.stream(fragments.ids()).allMatch(id -> id > 0), "every gala slice has seeds");
        assertTrue(fragments.count() > 1000, fragments.count() + " fragments");
        Fragments volume = DistanceTransformWatershed.volume(AffinitySource.of(WaterzReference.affinities("affinities")), 2);
        assertTrue(volume.count() > 100 && volume.count() < fragments.count(), volume.count() + " 3D fragments");
    }

    /** Floods label at push time from the lowest value, first come first served. */
    @Test
    void floodingOrder() {
        float[] values = {0f, 0.9f, 0.1f, 0.8f, 0f};
        int[] labels = {1, 0, 0, 0, 2};
        SeededWatershed.flood(values, new Box(5, 1, 1), labels);
        assertArrayEquals(new int[] {1, 1, 2, 2, 2}, labels);
    }

    /**
     * Checks one region (a slice or the volume) with local ids: the seeds must be exactly the
     * regional maxima of the distance (each fragment holds one maximum plateau, numbered in raster
     * order of first voxels), every voxel is labelled when there is a seed, and fragments are
     * face-connected. Returns the number of maxima.
     */
    private static int checkRegion(int[] ids, int[] distance, Box box) {
        int n = ids.length;
        int[] neighbours = new int[26];
        boolean[] done = new boolean[n];
        int firstId = Arrays.stream(ids).filter(id -> id > 0).min().orElse(1);
        int maxima = 0;
        for (int p = 0; p < n; p++) {
            if (distance[p] <= 0 || done[p]) {
                continue;
            }
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            Set<Integer> plateau = new HashSet<>();
            queue.add(p);
            plateau.add(p);
            boolean maximum = true;
            while (!queue.isEmpty()) {
                int q = queue.poll();
                done[q] = true;
                for (int k = 0, count = box.allNeighbours(q, neighbours); k < count; k++) {
                    int r = neighbours[k];
                    if (distance[r] > distance[p]) {
                        maximum = false;
                    } else if (distance[r] == distance[p] && plateau.add(r)) {
                        queue.add(r);
                    }
                }
            }
            if (maximum) {
                maxima++;
                int id = ids[p];
                assertEquals(firstId + maxima - 1, id, "maxima numbered in raster order of their first voxels");
                for (int q : plateau) {
                    assertEquals(id, ids[q], "a maximum plateau is one seed");
                }
            }
        }
        if (maxima > 0) {
            assertTrue(Arrays.stream(ids).allMatch(id -> id > 0), "everything is flooded");
            for (int id = firstId; id < firstId + maxima; id++) {
                assertTrue(faceConnected(ids, id, box), "fragment " + id + " is connected");
            }
        }
        return maxima;
    }

    private static boolean faceConnected(int[] ids, int id, Box box) {
        int start = -1;
        int size = 0;
        for (int v = 0; v < ids.length; v++) {
            if (ids[v] == id) {
                start = start < 0 ? v : start;
                size++;
            }
        }
        Set<Integer> seen = new HashSet<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        seen.add(start);
        int[] neighbours = new int[6];
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int k = 0, count = box.faceNeighbours(v, neighbours); k < count; k++) {
                if (ids[neighbours[k]] == id && seen.add(neighbours[k])) {
                    queue.add(neighbours[k]);
                }
            }
        }
        return seen.size() == size;
    }
}
