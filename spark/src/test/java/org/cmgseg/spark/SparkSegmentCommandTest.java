package org.cmgseg.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.Datasets;
import org.cmgseg.affinities.io.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The user-error contract of {@code cmgseg spark segment}: one line naming the dataset, exit code 2, nothing written, no Spark. */
class SparkSegmentCommandTest {

    @TempDir
    Path folder;

    @Test
    void fragmentsThatAreNotIntegerLabelsAreRefusedInOneLine() throws IOException {
        Path n5 = folder.resolve("in.n5");
        try (Container container = Containers.openForWriting(n5, Format.N5)) {
            write(container, "/affinities", new long[] {6, 5, 4, 3}, DataType.FLOAT32, new float[360]);
            write(container, "/fragments", new long[] {6, 5, 4}, DataType.FLOAT32, new float[120]);
        }
        Path out = folder.resolve("out.n5");
        String[] stderr = new String[1];
        int code = withStandardError(stderr, () -> new CommandLine(new SparkMain()).execute("segment", "--affinities", n5 + ":/affinities",
                "--fragments", n5 + ":/fragments", "--output", out + ":/segmentation", "--thresholds", "0.5"));
        assertEquals(2, code);
        assertEquals(1, stderr[0].lines().count(), stderr[0]);
        assertTrue(stderr[0].contains(n5 + ":/fragments") && stderr[0].contains("float32"), stderr[0]);
        assertFalse(Files.exists(out));
    }

    @Test
    void aRunWritesEveryThresholdAndEndsWithTheBytesItShuffled() throws IOException {
        Path n5 = folder.resolve("in.n5");
        long[] fragments = fragmentsOf20Voxels(12 * 10 * 6);
        SplittableRandom random = new SplittableRandom(5);
        float[] affinities = new float[3 * fragments.length];
        for (int i = 0; i < affinities.length; i++) {
            affinities[i] = (float) random.nextDouble();
        }
        try (Container container = Containers.openForWriting(n5, Format.N5)) {
            write(container, "/affinities", new long[] {12, 10, 6, 3}, DataType.FLOAT32, affinities);
            write(container, "/fragments", new long[] {12, 10, 6}, DataType.UINT64, fragments);
        }
        Path out = folder.resolve("out.n5");
        String[] stderr = new String[1];
        int code = withStandardError(stderr, () -> new CommandLine(new SparkMain()).execute("segment", "--affinities", n5 + ":/affinities",
                "--fragments", n5 + ":/fragments", "--output", out + ":/segmentation", "--thresholds", "0.2,0.6", "--block-size", "3,5,4",
                "--master", "local[2]"));
        assertEquals(0, code, stderr[0]);
        try (Container container = Containers.open(out, Format.N5)) {
            assertEquals(List.of("0.2", "0.6"), container.datasetsIn("/segmentation").stream().sorted().toList());
        }
        Matcher shuffled = Pattern.compile("shuffle written (\\d+) bytes, read (\\d+) bytes").matcher(stderr[0]);
        assertTrue(shuffled.find(), stderr[0]);
        assertTrue(Long.parseLong(shuffled.group(1)) > 0, "the faces of 12 blocks are shuffled: " + stderr[0]);
        assertEquals(shuffled.group(1), shuffled.group(2), "in local mode every byte written is read");
    }

    @Test
    void muWithoutInflectionIsRefusedInOneLine() throws IOException {
        Path n5 = folder.resolve("in.n5");
        try (Container container = Containers.openForWriting(n5, Format.N5)) {
            write(container, "/affinities", new long[] {6, 5, 4, 3}, DataType.FLOAT32, new float[360]);
        }
        Path out = folder.resolve("out.n5");
        String[] stderr = new String[1];
        int code = withStandardError(stderr, () -> new CommandLine(new SparkMain()).execute("segment", "--affinities", n5 + ":/affinities",
                "--fragments", "distance2d", "--mu", "0.4", "--output", out + ":/segmentation", "--thresholds", "0.5"));
        assertEquals(2, code);
        assertEquals(1, stderr[0].lines().count(), stderr[0]);
        assertTrue(stderr[0].contains("--inflection"), stderr[0]);
        assertFalse(Files.exists(out));
    }

    @Test
    void affinitiesOutsideTheUnitRangeThatOnlyATaskReadsEndInOneLineAndLeaveNoOutput() throws IOException {
        Path n5 = folder.resolve("in.n5");
        float[] affinities = new float[3 * 12 * 10 * 6];
        Arrays.fill(affinities, 0.5f);
        // x = 5, y = 9, z = 11 of channel 2: in the last of the 16 blocks of 3,5,4 (z,y,x); the driver reads no values
        affinities[affinities.length - 1] = 1.5f;
        try (Container container = Containers.openForWriting(n5, Format.N5)) {
            write(container, "/affinities", new long[] {6, 10, 12, 3}, DataType.FLOAT32, affinities);
        }
        Path out = folder.resolve("out.n5");
        String[] stderr = new String[1];
        int code = withStandardError(stderr, () -> new CommandLine(new SparkMain()).execute("segment", "--affinities", n5 + ":/affinities",
                "--output", out + ":/segmentation", "--thresholds", "0.5", "--block-size", "3,5,4", "--master", "local[2]"));
        assertEquals(2, code, stderr[0]);
        assertEquals(List.of("cmgseg spark segment: " + n5 + ":/affinities holds values from 0.5 to 1.5, outside [0, 1]"),
                stderr[0].lines().toList());
        assertNoOutput(out);
    }

    @Test
    void aCorruptChunkFoundByATaskEndsInOneLineNamingItAfterSparksRetries() throws IOException {
        Path n5 = folder.resolve("in.n5");
        long[] fragments = fragmentsOf20Voxels(12 * 10 * 6);
        float[] affinities = new float[3 * fragments.length];
        Arrays.fill(affinities, 0.25f);
        try (Container container = Containers.openForWriting(n5, Format.N5)) {
            try (DatasetWriter writer = container.create("/affinities", new DatasetInfo(new long[] {6, 10, 12, 3}, new int[] {3, 5, 4, 3},
                    DataType.FLOAT32, Compression.GZIP))) {
                Datasets.writeAll(writer, affinities);
                writer.commit();
            }
            write(container, "/fragments", new long[] {6, 10, 12}, DataType.UINT64, fragments);
        }
        Path chunk = n5.resolve("affinities/1/1/2/0");
        byte[] bytes = Files.readAllBytes(chunk);
        Files.write(chunk, Arrays.copyOf(bytes, bytes.length - 8));
        Path out = folder.resolve("out.n5");
        String[] stderr = new String[1];
        // local[2,2]: every task is tried twice, as on a cluster; bad input fails both times
        int code = withStandardError(stderr, () -> new CommandLine(new SparkMain()).execute("segment", "--affinities", n5 + ":/affinities",
                "--fragments", n5 + ":/fragments", "--output", out + ":/segmentation", "--thresholds", "0.2,0.6", "--block-size", "3,5,4",
                "--master", "local[2,2]"));
        assertEquals(2, code, stderr[0]);
        assertEquals(1, stderr[0].lines().count(), stderr[0]);
        assertTrue(stderr[0].startsWith("cmgseg spark segment: " + n5 + ":/affinities block [1, 1, 2, 0]"), stderr[0]);
        assertTrue(stderr[0].contains("truncated"), stderr[0]);
        assertNoOutput(out);
    }

    /** No dataset, visible or hidden (a partial folder), anywhere under the output container. */
    private static void assertNoOutput(Path container) throws IOException {
        try (Stream<Path> files = Files.walk(container)) {
            List<Path> left = files.filter(p -> !p.getFileName().toString().equals("attributes.json") && !Files.isDirectory(p)).toList();
            assertEquals(List.of(), left);
        }
        try (Container open = Containers.open(container, Format.N5)) {
            assertEquals(List.of(), open.datasetsIn("/segmentation"));
        }
    }

    /** Fragments 1, 2, ... of 20 voxels each, in raster order. */
    private static long[] fragmentsOf20Voxels(int voxels) {
        long[] fragments = new long[voxels];
        for (int i = 0; i < voxels; i++) {
            fragments[i] = 1 + i / 20;
        }
        return fragments;
    }

    private static int withStandardError(String[] printed, IntSupplier code) {
        PrintStream stderr = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            return code.getAsInt();
        } finally {
            System.setErr(stderr);
            printed[0] = bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static void write(Container container, String path, long[] dimensions, DataType type, Object values) throws IOException {
        try (DatasetWriter writer = container.create(path, new DatasetInfo(dimensions,
                Arrays.stream(dimensions).mapToInt(d -> (int) d).toArray(), type, Compression.RAW))) {
            Datasets.writeAll(writer, values);
            writer.commit();
        }
    }
}
