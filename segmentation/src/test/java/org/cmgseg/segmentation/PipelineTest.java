package org.cmgseg.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cmgseg.affinities.io.ArrayDataset;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.agglomerate.MergeHistory;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.agglomerate.RemainingGraph;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.merge.EdgeStatistic;
import org.cmgseg.segmentation.merge.MergeFunction;
import org.cmgseg.segmentation.merge.MergeFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The pipeline as a whole, on the gala affinities: streaming, threads, thresholds, the graph left over. */
class PipelineTest {

    private static final double[] THRESHOLDS = {0.3, 0.6};

    /**
     * Streaming the affinities from a dataset in slabs of 3 slices and any number of threads gives
     * the fragments and the merges of the in-memory volume on one thread.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mean", "median_aff_histograms", "quantile:50:all"})
    void resultsDoNotDependOnThreadsOrStreaming(String function) throws IOException {
        AffinityGraph graph = WaterzReference.affinities("affinities_cmg_mu0.8_I0.2");
        SegmentationOptions options = SegmentationOptions.of(MergeFunction.parse(function), QueueType.EXACT, THRESHOLDS);
        SegmentationResult reference = SegmentationPipeline.run(graph, options, RunContext.sequential());
        VoxelGrid grid = graph.grid();
        ArrayDataset dataset = new ArrayDataset(new long[] {grid.sizeX(), grid.sizeY(), grid.sizeZ(), 3}, DataType.FLOAT32, graph.values());
        for (int threads : new int[] {2, 3}) {
            SegmentationResult streamed = SegmentationPipeline.run(AffinitySource.of(dataset, 3), options,
                    RunContext.of(threads, Progress.NONE));
            assertArrayEquals(reference.fragments().ids(), streamed.fragments().ids(), threads + " threads: fragments");
            assertHistoriesEqual(reference.history(), streamed.history());
            assertEquals(reference.mergesAt(0), streamed.mergesAt(0));
        }
    }

    /**
     * The region graph decodes the affinities that the fragments read (the gala volume has 279 distinct values), so
     * each slab is read once; values nudged by up to 1000 ulps (100530 distinct ones) are read twice. Either way
     * the results are those of the volume in memory.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theRegionGraphDecodesWhatTheFragmentsRead(boolean quantised) throws IOException {
        AffinityGraph gala = WaterzReference.affinities("affinities");
        float[] values = gala.values().clone();
        for (int i = 0; !quantised && i < values.length; i++) {
            int bits = Float.floatToRawIntBits(values[i]);
            values[i] = Float.intBitsToFloat(values[i] > 0.5f ? bits - i % 1000 : bits + i % 1000);
        }
        AffinityGraph graph = new AffinityGraph(gala.grid(), values);
        SegmentationOptions options = SegmentationOptions.of(MergeFunction.parse("mean"), new QueueType(256), THRESHOLDS);
        SegmentationResult reference = SegmentationPipeline.run(graph, options, RunContext.sequential());
        VoxelGrid grid = graph.grid();
        int[] reads = new int[1];
        ArrayDataset array = new ArrayDataset(new long[] {grid.sizeX(), grid.sizeY(), grid.sizeZ(), 3}, DataType.FLOAT32, values);
        Dataset counted = new Dataset() {
            @Override
            public DatasetInfo info() {
                return array.info();
            }

            @Override
            public Object read(long[] offset, int[] size) throws IOException {
                reads[0]++;
                return array.read(offset, size);
            }
        };
        SegmentationResult streamed = SegmentationPipeline.run(AffinitySource.of(counted, 10), options, RunContext.of(2, Progress.NONE));
        assertEquals(quantised ? 5 : 10, reads[0], "slabs of 10 of the 50 slices read");
        assertArrayEquals(reference.fragments().ids(), streamed.fragments().ids());
        assertHistoriesEqual(reference.history(), streamed.history());
    }

    /** The distance-transform fragments agglomerate too, and do not depend on threads or streaming either. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void distanceTransformFragments(boolean perSlice) throws IOException {
        AffinityGraph graph = WaterzReference.affinities("affinities");
        SegmentationOptions options = SegmentationOptions.of(MergeFunction.parse("median_aff"), new QueueType(256), THRESHOLDS)
                .withFragments(new FragmentMethod.DistanceTransform(perSlice));
        SegmentationResult reference = SegmentationPipeline.run(graph, options, RunContext.sequential());
        VoxelGrid grid = graph.grid();
        ArrayDataset dataset = new ArrayDataset(new long[] {grid.sizeX(), grid.sizeY(), grid.sizeZ(), 3}, DataType.FLOAT32, graph.values());
        SegmentationResult streamed = SegmentationPipeline.run(AffinitySource.of(dataset, 4), options, RunContext.of(3, Progress.NONE));
        assertArrayEquals(reference.fragments().ids(), streamed.fragments().ids());
        assertHistoriesEqual(reference.history(), streamed.history());
        assertTrue(reference.segmentCount(1) < reference.segmentCount(0) && reference.segmentCount(0) < reference.fragments().count());
    }

    /** One pass over several thresholds gives, at each, what a pass to that threshold alone gives. */
    @Test
    void onePassEqualsSeparateRuns() throws IOException {
        AffinityGraph graph = WaterzReference.affinities("affinities");
        MergeFunction function = MergeFunction.parse("85_aff");
        SegmentationResult both = SegmentationPipeline.run(graph, SegmentationOptions.of(function, new QueueType(256), THRESHOLDS),
                RunContext.sequential());
        for (int t = 0; t < THRESHOLDS.length; t++) {
            SegmentationResult alone = SegmentationPipeline.run(graph,
                    SegmentationOptions.of(function, new QueueType(256), THRESHOLDS[t]), RunContext.sequential());
            assertArrayEquals(alone.segmentation(0), both.segmentation(t));
            assertEquals(alone.history().size(), both.mergesAt(t));
        }
    }

    private static Progress warningsInto(List<String> warned) {
        return new Progress() {
            @Override
            public void update(String stage, long done, long total) {
            }

            @Override
            public void warning(String message) {
                warned.add(message);
            }
        };
    }

    @Test
    void unsortedThresholdsAreSortedWithAWarning() throws IOException {
        List<String> warned = new ArrayList<>();
        Progress progress = warningsInto(warned);
        SegmentationResult result = SegmentationPipeline.run(WaterzReference.affinities("affinities"),
                SegmentationOptions.of(MergeFunction.parse("mean"), QueueType.EXACT, 0.6, 0.3), RunContext.of(1, progress));
        assertArrayEquals(new float[] {0.3f, 0.6f}, result.thresholds());
        assertEquals(1, warned.size());
        assertTrue(warned.get(0).contains("sorted them: 0.3, 0.6"), warned.get(0));
        assertEquals(warned, result.warnings());
        assertTrue(result.mergesAt(0) < result.mergesAt(1));
    }

    @Test
    void thresholdsEqualAsFloatsAreKeptOnce() throws IOException {
        List<String> warned = new ArrayList<>();
        Progress progress = warningsInto(warned);
        SegmentationResult result = SegmentationPipeline.run(WaterzReference.affinities("affinities"),
                SegmentationOptions.of(MergeFunction.parse("mean"), QueueType.EXACT, 0.3, 0.5, 0.5000000001, 0.3), RunContext.of(1, progress));
        assertArrayEquals(new float[] {0.3f, 0.5f}, result.thresholds());
        assertTrue(warned.get(warned.size() - 1).startsWith("2 repeated threshold(s)"), warned.toString());
    }

    /**
     * The graph left over, against a scan of the final segmentation: for max (and every pooled
     * quantile) the score of an edge is exactly that of all voxel faces between the two segments; also when
     * the agglomeration looks its edges up on several threads.
     */
    @ParameterizedTest
    @CsvSource({"max, 1", "quantile:50:all, 1", "histogram:85:bins=256:all, 1", "max, 2", "quantile:50:all, 3"})
    void remainingGraphIsTheGraphOfTheSegmentation(String function, int threads) throws IOException {
        AffinityGraph graph = WaterzReference.affinities("affinities");
        SegmentationOptions options = SegmentationOptions.of(MergeFunction.parse(function), new QueueType(256), 0.5).withRemainingGraph();
        SegmentationResult result = SegmentationPipeline.run(graph, options, RunContext.of(threads, Progress.NONE));
        long[] segmentation = result.segmentation(0);
        VoxelGrid grid = graph.grid();
        Map<Long, List<Float>> faces = new HashMap<>();
        for (int z = 0; z < grid.sizeZ(); z++) {
            for (int y = 0; y < grid.sizeY(); y++) {
                for (int x = 0; x < grid.sizeX(); x++) {
                    int v = grid.index(x, y, z);
                    int[] lower = {z > 0 ? v - grid.stride(0) : -1, y > 0 ? v - grid.stride(1) : -1, x > 0 ? v - 1 : -1};
                    for (int c = 0; c < 3; c++) {
                        if (lower[c] >= 0 && segmentation[v] != 0 && segmentation[lower[c]] != 0 && segmentation[v] != segmentation[lower[c]]) {
                            long a = Math.min(segmentation[v], segmentation[lower[c]]);
                            long b = Math.max(segmentation[v], segmentation[lower[c]]);
                            faces.computeIfAbsent(a << 32 | b, k -> new ArrayList<>()).add(graph.get(c, x, y, z));
                        }
                    }
                }
            }
        }
        RemainingGraph remaining = result.remainingGraph();
        assertEquals(faces.size(), remaining.edges());
        MergeFunction mergeFunction = MergeFunctions.parse(function);
        for (int i = 0; i < remaining.edges(); i++) {
            long a = result.label(remaining.u()[i]);
            long b = result.label(remaining.v()[i]);
            assertTrue(a < b);
            List<Float> values = faces.get(a << 32 | b);
            assertEquals(values.size(), remaining.contactArea()[i], a + "-" + b + " contact area");
            EdgeStatistic direct = mergeFunction.newStatistic(1);
            for (float f : values) {
                direct.add(0, f);
            }
            assertEquals(mergeFunction.score(direct, 0), remaining.score()[i], a + "-" + b + " score");
            if (i > 0) {
                assertTrue(remaining.u()[i - 1] < remaining.u()[i] || remaining.u()[i - 1] == remaining.u()[i]
                        && remaining.v()[i - 1] < remaining.v()[i], "sorted by (u, v)");
            }
        }
    }

    /** A run keeps its remaining graph only when asked to (as waterz returns its region graph only when asked). */
    @Test
    void onlyARunAskedForItKeepsItsRemainingGraph() throws IOException {
        AffinityGraph graph = WaterzReference.affinities("affinities");
        SegmentationOptions options = SegmentationOptions.of(MergeFunction.parse("mean"), new QueueType(256), 0.5);
        SegmentationResult without = SegmentationPipeline.run(graph, options, RunContext.sequential());
        SegmentationResult with = SegmentationPipeline.run(graph, options.withRemainingGraph(), RunContext.sequential());
        assertThrows(IllegalStateException.class, without::remainingGraph);
        assertTrue(with.remainingGraph().edges() > 0);
        assertArrayEquals(with.segmentation(0), without.segmentation(0));
    }

    static void assertHistoriesEqual(MergeHistory expected, MergeHistory actual) {
        assertEquals(expected.size(), actual.size(), "merges");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.u(i), actual.u(i), "merge " + i);
            assertEquals(expected.v(i), actual.v(i), "merge " + i);
            assertEquals(expected.score(i), actual.score(i), "merge " + i);
        }
    }

    @Test
    void affinitiesWithoutFragmentsGiveEmptySegmentations() throws IOException {
        VoxelGrid grid = new VoxelGrid(5, 4, 3);
        SegmentationResult result = SegmentationPipeline.run(new AffinityGraph(grid, new float[3 * 60]),
                SegmentationOptions.of(MergeFunction.parse("median_aff"), QueueType.EXACT, 0.5).withRemainingGraph(), RunContext.sequential());
        assertEquals(0, result.fragments().count());
        assertEquals(0, result.segmentCount(0));
        assertEquals(0, result.remainingGraph().edges());
        assertArrayEquals(new long[60], result.segmentation(0));
        assertEquals(List.of("there are no fragments (every voxel is background), so every segmentation is all 0"), result.warnings());
    }

    @Test
    void fragmentSizes() {
        long[] counts = WaterzReference.watershed("affinities").voxelCounts();
        assertEquals(2383, counts.length);
        assertEquals(141265, counts[0], "waterz background");
        assertEquals(WaterzReference.GRID.voxels(), java.util.Arrays.stream(counts).sum());
        assertTrue(java.util.Arrays.stream(counts).skip(1).allMatch(c -> c > 0));
    }

    /** Fragments made once can be agglomerated again under another merge function. */
    @Test
    void precomputedFragmentsAreReused() throws IOException {
        AffinityGraph graph = WaterzReference.affinities("affinities");
        SegmentationOptions options = SegmentationOptions.of(MergeFunction.parse("mean"), QueueType.EXACT, 0.5);
        SegmentationResult first = SegmentationPipeline.run(graph, options, RunContext.sequential());
        FragmentMethod same = new FragmentMethod.Precomputed(first.fragments());
        SegmentationResult second = SegmentationPipeline.run(graph, options.withFragments(same), RunContext.sequential());
        assertArrayEquals(first.segmentation(0), second.segmentation(0));
    }
}
