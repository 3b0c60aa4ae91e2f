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
        long[] fragments = new long[12 * 10 * 6];
        for (int i = 0; i < fragments.length; i++) {
            fragments[i] = 1 + i / 20;
        }
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
