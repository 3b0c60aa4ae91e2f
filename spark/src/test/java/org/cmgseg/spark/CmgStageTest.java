package org.cmgseg.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.cmgseg.affinities.NonFinitePolicy;
import org.cmgseg.affinities.ProbabilityView;
import org.cmgseg.affinities.SoftThreshold;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.cmg.Cmg;
import org.cmgseg.cmg.LogitMethod;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.ShortestDecimal;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.SegmentationResult;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CMG stage in {@code local[2]}: {@code spark segment --mu --inflection} against {@code cmgseg transform} then {@code segment}. */
class CmgStageTest {

    private static final VoxelGrid GRID = new VoxelGrid(40, 36, 8);
    private static final CmgStage CMG = new CmgStage(0.9, 0.8);

    @TempDir
    static Path folder;
    private static JavaSparkContext spark;
    private static String affinities;
    /** The affinities as {@code cmgseg transform} writes them. */
    private static String transformed;

    @BeforeAll
    static void start() throws IOException {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("CmgStageTest")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1"));
        affinities = SyntheticInput.affinities(folder, GRID, 7);
        transformed = folder.resolve("input-7.n5") + ":/cmg";
        transform(affinities, transformed);
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    @Test
    void oneBlockCoveringTheVolumeEqualsTransformThenSegment() throws IOException {
        SegmentationResult expected = SyntheticInput.segment(transformed, FragmentMethod.waterz());
        String output = folder.resolve("one-block.n5") + ":/segmentation";
        BlockwiseSegmentation.run(spark, SyntheticInput.options(affinities, output, new int[] {40, 36, 8}, FragmentMethod.waterz(), 4, CMG));
        assertArrayEquals(Arrays.stream(expected.fragments().ids()).asLongStream().toArray(), SyntheticInput.read(output + "/fragments"));
        assertSegmentations(expected, output);
        SegmentationResult untransformed = SyntheticInput.segment(affinities, FragmentMethod.waterz());
        assertFalse(IntStream.range(0, SyntheticInput.THRESHOLDS.length).allMatch(t -> Arrays.equals(expected.segmentation(t),
                untransformed.segmentation(t))), "the soft threshold changes nothing here: the comparison would not see it missing");
    }

    /** Supplied fragments in blocks that divide no axis: the range reduced across tasks and every block's transform are exact. */
    @Test
    void suppliedFragmentsInBlocksEqualTransformThenSegment() throws IOException {
        String fragments = folder.resolve("input-7.n5") + ":/fragments";
        long[] labels = Arrays.stream(SyntheticInput.segment(transformed, FragmentMethod.waterz()).fragments().ids()).asLongStream().toArray();
        try (Container container = Containers.openForWriting(DatasetAddress.parse(fragments).container(), Format.N5)) {
            SyntheticInput.write(container, "/fragments", new long[] {40, 36, 8}, DataType.UINT64, labels);
        }
        SegmentationResult expected;
        try (Containers.OpenDataset supplied = Containers.open(DatasetAddress.parse(fragments))) {
            expected = SyntheticInput.segment(transformed, new FragmentMethod.Supplied(supplied.dataset()));
        }
        String output = folder.resolve("supplied.n5") + ":/segmentation";
        BlockwiseSegmentation.run(spark, new BlockwiseSegmentation.Options(affinities, fragments, output, SyntheticInput.FUNCTION,
                SyntheticInput.QUEUE, SyntheticInput.THRESHOLDS, new int[] {13, 10, 3}, null, 0, CMG));
        assertSegmentations(expected, output);
    }

    @Test
    void aNanIsRefusedInOneLineBeforeAnythingIsWritten() throws IOException {
        Path n5 = folder.resolve("nan.n5");
        float[] values = new float[3 * 40 * 36 * 8];
        Arrays.fill(values, 0.5f);
        values[3 * 40 * 36 + 17] = Float.NaN;
        try (Container container = Containers.openForWriting(n5, Format.N5)) {
            SyntheticInput.write(container, "/affinities", new long[] {40, 36, 8, 3}, DataType.FLOAT32, values);
        }
        String output = folder.resolve("nan-out.n5") + ":/segmentation";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BlockwiseSegmentation.run(spark,
                SyntheticInput.options(n5 + ":/affinities", output, new int[] {13, 10, 3}, FragmentMethod.waterz(), 4, CMG)));
        assertTrue(e.getMessage().contains(n5 + ":/affinities") && e.getMessage().contains("NaN") && e.getMessage().lines().count() == 1,
                e.getMessage());
        DatasetAddress group = DatasetAddress.parse(output);
        try (Container container = Containers.open(group.container(), group.format())) {
            assertTrue(container.datasetsIn(group.dataset()).isEmpty(), "datasets left: " + container.datasetsIn(group.dataset()));
        }
    }

    private static void assertSegmentations(SegmentationResult expected, String output) throws IOException {
        for (int t = 0; t < SyntheticInput.THRESHOLDS.length; t++) {
            assertArrayEquals(expected.segmentation(t), SyntheticInput.read(output + "/" + ShortestDecimal.of(SyntheticInput.THRESHOLDS[t])),
                    "threshold " + SyntheticInput.THRESHOLDS[t]);
        }
        assertTrue(expected.mergesAt(SyntheticInput.THRESHOLDS.length - 1) > 0, "nothing merged: the comparison would be vacuous");
    }

    /** What {@code cmgseg transform --mu 0.9 --inflection 0.8} does: the global range, then the curve block by block. */
    private static void transform(String input, String output) throws IOException {
        DatasetAddress out = DatasetAddress.parse(output);
        try (Containers.OpenDataset in = Containers.open(DatasetAddress.parse(input));
             Container container = Containers.openForWriting(out.container(), Format.N5)) {
            ProbabilityView view = ProbabilityView.of(in.dataset(), NonFinitePolicy.FAIL, input);
            Cmg curve = SoftThreshold.curve(CMG.mu(), CMG.inflection(), view.scan(RunContext.sequential()), LogitMethod.EXACT);
            DatasetInfo info = in.dataset().info();
            try (DatasetWriter writer = container.create(out.dataset(), new DatasetInfo(info.dimensions(), info.blockSize(), DataType.FLOAT32,
                    Compression.RAW))) {
                SoftThreshold.apply(view, writer, curve, RunContext.sequential());
                writer.commit();
            }
        }
    }
}
