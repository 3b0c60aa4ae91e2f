package org.cmgseg.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.Datasets;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.ShortestDecimal;
import org.cmgseg.segmentation.SegmentationOptions;
import org.cmgseg.segmentation.SegmentationPipeline;
import org.cmgseg.segmentation.SegmentationResult;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.merge.MergeFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The blockwise run against {@code segment} on the same supplied fragments, in {@code local[2]} (a failed task tried twice). */
class BlockwiseSegmentationTest {

    /** x, y, z: no block size below divides all of it. */
    private static final long[] VOLUME = {24, 18, 11};
    private static final float[] THRESHOLDS = {0.3f, 0.5f, 0.7f};
    private static final int[][] BLOCK_SIZES = {{24, 18, 11}, {12, 6, 4}, {7, 5, 3}};
    private static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();

    @TempDir
    static Path folder;
    private static JavaSparkContext spark;
    private static String affinities;
    private static String fragments;

    @BeforeAll
    static void start() throws IOException {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2,2]").setAppName("BlockwiseSegmentationTest")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1"));
        Path n5 = folder.resolve("input.n5");
        try (Container container = Containers.openForWriting(n5, Format.N5)) {
            write(container, "/affinities", new long[] {VOLUME[0], VOLUME[1], VOLUME[2], 3}, DataType.FLOAT32, affinityValues());
            write(container, "/fragments", VOLUME, DataType.UINT64, fragmentLabels());
        }
        affinities = n5 + ":/affinities";
        fragments = n5 + ":/fragments";
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mean", "max", "min", "max_10", "85_aff", "median_aff_histograms", "hist_quant_50_initmax"})
    void everyBlockSizeGivesSegmentsResult(String function) throws IOException {
        SegmentationResult expected = segment(function);
        for (int b = 0; b < BLOCK_SIZES.length; b++) {
            String output = folder.resolve(function + "-" + b + ".n5") + ":/segmentation";
            BlockwiseSegmentation.run(spark, options(function, output, BLOCK_SIZES[b]));
            assertSame(expected, output, function + " in blocks of " + Arrays.toString(BLOCK_SIZES[b]));
        }
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndTheOutputIsComplete() throws IOException {
        FAILED_ONCE.set(false);
        String output = folder.resolve("retried.n5") + ":/segmentation";
        BlockwiseSegmentation.run(spark, options("mean", output, BLOCK_SIZES[2]), block -> {
            if (block == 3 && FAILED_ONCE.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure of the task of block 3");
            }
        });
        assertTrue(FAILED_ONCE.get());
        assertSame(segment("mean"), output, "after a retried task");
    }

    @Test
    void aRunThatFailsLeavesNoDataset() throws IOException {
        String output = folder.resolve("failed.n5") + ":/segmentation";
        assertThrows(SparkException.class, () -> BlockwiseSegmentation.run(spark, options("mean", output, BLOCK_SIZES[2]), block -> {
            if (block == 5) {
                throw new IllegalStateException("injected failure of every attempt at block 5");
            }
        }));
        DatasetAddress group = DatasetAddress.parse(output);
        try (Container container = Containers.open(group.container(), group.format())) {
            assertTrue(container.datasetsIn(group.dataset()).isEmpty(), "datasets left: " + container.datasetsIn(group.dataset()));
        }
        try (Stream<Path> entries = Files.list(group.container().resolve("segmentation"))) {
            List<String> hidden = entries.map(p -> p.getFileName().toString()).filter(name -> name.startsWith(".")).toList();
            assertEquals(List.of(), hidden, "the tasks' chunks are removed with the hidden datasets");
        }
    }

    private static BlockwiseSegmentation.Options options(String function, String output, int[] blockSize) {
        return new BlockwiseSegmentation.Options(affinities, fragments, output, MergeFunction.parse(function), QueueType.EXACT,
                THRESHOLDS, blockSize);
    }

    private static SegmentationResult segment(String function) throws IOException {
        double[] thresholds = new double[THRESHOLDS.length];
        for (int t = 0; t < thresholds.length; t++) {
            thresholds[t] = THRESHOLDS[t];
        }
        try (Containers.OpenDataset a = Containers.open(DatasetAddress.parse(affinities));
             Containers.OpenDataset f = Containers.open(DatasetAddress.parse(fragments))) {
            SegmentationOptions options = SegmentationOptions.of(MergeFunction.parse(function), QueueType.EXACT, thresholds)
                    .withFragments(new FragmentMethod.Supplied(f.dataset()));
            return SegmentationPipeline.run(AffinitySource.of(a.dataset()), options, RunContext.sequential());
        }
    }

    private static void assertSame(SegmentationResult expected, String output, String what) throws IOException {
        boolean merged = false;
        for (int t = 0; t < THRESHOLDS.length; t++) {
            String dataset = output + "/" + ShortestDecimal.of(THRESHOLDS[t]);
            try (Containers.OpenDataset open = Containers.open(DatasetAddress.parse(dataset))) {
                assertArrayEquals(expected.segmentation(t), (long[]) open.dataset().readAll(), what + ", threshold " + THRESHOLDS[t]);
                assertEquals(expected.segmentCount(t), open.container().attributes(DatasetAddress.parse(dataset).dataset())
                        .get("segments").getAsInt());
            }
            merged |= expected.mergesAt(t) > 0;
        }
        assertTrue(merged, "the thresholds merge nothing: the comparison would be vacuous");
        assertFalse(expected.segmentCount(THRESHOLDS.length - 1) == expected.fragments().count(), "nothing merged");
    }

    /** Affinities in [0, 1): random, so that the order of a mean's sum shows in its last bits. */
    private static float[] affinityValues() {
        SplittableRandom random = new SplittableRandom(14);
        float[] values = new float[(int) (3 * VOLUME[0] * VOLUME[1] * VOLUME[2])];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        return values;
    }

    /** Boxes of 4 x 3 x 2 voxels with large arbitrary uint64 labels (some negative as int64), a few background voxels. */
    private static long[] fragmentLabels() {
        SplittableRandom random = new SplittableRandom(41);
        long[] box = new long[1000];
        for (int i = 0; i < box.length; i++) {
            box[i] = random.nextLong();
        }
        long[] labels = new long[(int) (VOLUME[0] * VOLUME[1] * VOLUME[2])];
        int i = 0;
        for (int z = 0; z < VOLUME[2]; z++) {
            for (int y = 0; y < VOLUME[1]; y++) {
                for (int x = 0; x < VOLUME[0]; x++, i++) {
                    labels[i] = random.nextInt(20) == 0 ? 0 : box[(z / 2 * 6 + y / 3) * 6 + x / 4];
                }
            }
        }
        return labels;
    }

    private static void write(Container container, String path, long[] dimensions, DataType type, Object values) throws IOException {
        int[] chunks = {5, 5, 5, 3};
        try (DatasetWriter writer = container.create(path, new DatasetInfo(dimensions, Arrays.copyOf(chunks, dimensions.length),
                type, Compression.RAW))) {
            Datasets.writeAll(writer, values);
            writer.commit();
        }
    }
}
