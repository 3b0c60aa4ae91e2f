package org.cmgseg.segmentation.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.cmgseg.affinities.io.ArrayDataset;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.fragments.Fragments;
import org.cmgseg.segmentation.merge.ContactArea;
import org.cmgseg.segmentation.merge.MeanAffinity;
import org.junit.jupiter.api.Test;

/**
 * The faces of every edge, against a direct enumeration of the voxel faces between two fragments in
 * raster order (per voxel z, y, x), for several thread counts and slab depths; the edges themselves too.
 */
class EdgeFacesTest {

    private static final VoxelGrid GRID = new VoxelGrid(9, 7, 5);
    private static final int FRAGMENTS = 6;

    private VoxelGrid grid = GRID;
    private int[] ids;
    private float[] affinities;

    EdgeFacesTest() {
        randomVolume(GRID, FRAGMENTS, 12);
    }

    private void randomVolume(VoxelGrid shape, int fragments, long seed) {
        grid = shape;
        ids = new int[(int) shape.voxels()];
        affinities = new float[3 * ids.length];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < ids.length; i++) {
            ids[i] = random.nextInt(fragments + 1);
        }
        for (int i = 0; i < affinities.length; i++) {
            affinities[i] = random.nextFloat();
        }
    }

    /** Each pair (a, b), a < b, with the affinities of its faces in the order the scan meets them. */
    private Map<Long, List<Float>> enumerated() {
        Map<Long, List<Float>> faces = new TreeMap<>();
        int n = ids.length;
        for (int z = 0; z < grid.sizeZ(); z++) {
            for (int y = 0; y < grid.sizeY(); y++) {
                for (int x = 0; x < grid.sizeX(); x++) {
                    int v = grid.index(x, y, z);
                    int[] coordinate = {z, y, x};
                    int[] stride = {grid.sizeX() * grid.sizeY(), grid.sizeX(), 1};
                    for (int c = 0; c < 3; c++) {
                        if (coordinate[c] == 0) {
                            continue;
                        }
                        int a = ids[v];
                        int b = ids[v - stride[c]];
                        if (a != 0 && b != 0 && a != b) {
                            long key = (long) Math.min(a, b) << 32 | Math.max(a, b);
                            faces.computeIfAbsent(key, k -> new ArrayList<>()).add(affinities[c * n + v]);
                        }
                    }
                }
            }
        }
        return faces;
    }

    @Test
    void everyEdgeHoldsItsFacesInScanOrderWhateverTheThreadsAndSlabs() throws IOException {
        checkFacesInScanOrder(FRAGMENTS);
    }

    /** Enough edges that every thread hands on the faces of some (edges go to threads in blocks of 16). */
    @Test
    void manyEdgesKeepTheirFacesInScanOrderWhenThreadsSplitTheRows() throws IOException {
        randomVolume(new VoxelGrid(13, 11, 4), 40, 5);
        checkFacesInScanOrder(40);
    }

    /** Threads that split the rows find many edges each: the graph holds every edge once, whatever the threads. */
    @Test
    void theGraphHoldsEveryEdgeOnceWhateverTheThreads() {
        randomVolume(new VoxelGrid(13, 11, 4), 40, 5);
        Fragments fragments = new Fragments(grid, ids, 40, null);
        long[] expected = enumerated().keySet().stream().mapToLong(Long::longValue).toArray();
        for (int threads : new int[] {1, 2, 3}) {
            RegionGraph graph = RegionGraphBuilder.edges(fragments, RunContext.of(threads, Progress.NONE));
            long[] pairs = new long[graph.edges()];
            Arrays.setAll(pairs, e -> (long) graph.u()[e] << 32 | graph.v()[e]);
            assertArrayEquals(expected, pairs, threads + " threads");
        }
    }

    private void checkFacesInScanOrder(int fragmentCount) throws IOException {
        Fragments fragments = new Fragments(grid, ids, fragmentCount, null);
        RegionGraph graph = RegionGraphBuilder.edges(fragments, RunContext.sequential());
        Map<Long, List<Float>> expected = enumerated();
        assertEquals(expected.size(), graph.edges());
        List<Float> all = new ArrayList<>();
        int e = 0;
        for (Map.Entry<Long, List<Float>> edge : expected.entrySet()) {
            assertEquals(edge.getKey() >>> 32, graph.u()[e]);
            assertEquals(edge.getKey() & 0xFFFFFFFFL, graph.v()[e]);
            e++;
            all.addAll(edge.getValue());
        }
        float[] values = new float[all.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = all.get(i);
        }
        ArrayDataset dataset = new ArrayDataset(new long[] {grid.sizeX(), grid.sizeY(), grid.sizeZ(), 3}, DataType.FLOAT32, affinities);
        for (int threads : new int[] {1, 2, 3}) {
            for (int slabDepth : new int[] {1, 2, grid.sizeZ()}) {
                EdgeFaces faces = EdgeFaces.of(graph, fragments, AffinitySource.of(dataset, slabDepth), RunContext.of(threads,
                        Progress.NONE));
                String what = threads + " threads, slabs of " + slabDepth;
                assertArrayEquals(values, faces.values(), what);
                int first = 0;
                e = 0;
                for (List<Float> edge : expected.values()) {
                    assertEquals(first, faces.first(e++), what);
                    first += edge.size();
                }
                assertEquals(values.length, faces.first(graph.edges()), what);
            }
        }
    }

    @Test
    void statisticsAreFedEachEdgesFacesAndTheContactAreaCountsThem() throws IOException {
        Fragments fragments = new Fragments(GRID, ids, FRAGMENTS, null);
        RegionGraph graph = RegionGraphBuilder.edges(fragments, RunContext.sequential());
        RunContext context = RunContext.of(2, Progress.NONE);
        EdgeFaces faces = EdgeFaces.of(graph, fragments, AffinitySource.of(new AffinityGraph(GRID, affinities)), context);
        ContactArea area = faces.feed(new ContactArea(graph.edges()), faces.values(), context);
        MeanAffinity mean = faces.feed(new MeanAffinity(graph.edges()), faces.values(), context);
        ContactArea counted = faces.contactArea();
        int e = 0;
        for (List<Float> edge : enumerated().values()) {
            assertEquals(edge.size(), area.area(e));
            assertEquals(edge.size(), counted.area(e), "the contact area from the faces' runs");
            double sum = 0;
            for (float value : edge) {
                sum += value;
            }
            assertEquals(sum / edge.size(), mean.value(e), 1e-6);
            e++;
        }
        long total = area.area(0) + area.area(1);
        area.merge(0, 1);
        assertEquals(total, area.area(1));
    }
}
