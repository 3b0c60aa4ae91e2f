package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import com.google.gson.JsonObject;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.Datasets;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.testkit.PythonZarr;
import org.cmgseg.testkit.StandardOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What cmgseg writes, as other tools see it. */
class FormatsTest {

    @TempDir
    Path dir;

    /** Python zarr lists an N5 group only if it has an attributes.json. */
    @Test
    void pythonZarrListsTheN5GroupsCmgsegWrites() throws IOException, InterruptedException {
        PythonZarr.requireAvailable();
        Path n5 = dir.resolve("out.n5");
        CliRun synthesize = CliRun.of("synthesize", "--output", n5 + ":/deep/synthetic", "--size", "4,24,32");
        assertEquals(0, synthesize.exitCode(), synthesize.err());
        CliRun segment = CliRun.of("segment", "--affinities", n5 + ":/deep/synthetic/affinities", "--output", n5 + ":/runs/original",
                "--thresholds", "0.5");
        assertEquals(0, segment.exitCode(), segment.err());
        List<String> tree = PythonZarr.tree(n5);
        for (String entry : List.of("group /deep", "group /deep/synthetic", "array /deep/synthetic/raw", "array /deep/synthetic/labels",
                "array /deep/synthetic/affinities", "group /runs", "group /runs/original", "array /runs/original/fragments",
                "array /runs/original/0.5")) {
            assertTrue(tree.contains(entry), entry + " in " + tree);
        }
    }

    /** Segment labels exported to TIFF and back stay the same integers with the same resolution. */
    @Test
    void tiffExportKeepsLabelsAsIntegersAndTheResolution() throws IOException {
        Path n5 = dir.resolve("syn.n5");
        assertEquals(0, CliRun.of("synthesize", "--output", n5 + ":/v", "--size", "4,24,32").exitCode());
        Path tif = dir.resolve("labels.tif");
        CliRun export = CliRun.of("convert", n5 + ":/v/labels", tif.toString());
        assertEquals(0, export.exitCode(), export.err());
        CliRun info = CliRun.of("info", tif.toString());
        assertTrue(info.out().contains("data type    uint32"), info.out());
        assertTrue(info.out().contains("\"resolution\":[40.0,4.0,4.0]"), info.out());
        CliRun back = CliRun.of("convert", tif.toString(), n5 + ":/v/labels-again");
        assertEquals(0, back.exitCode(), back.err());
        long[] labels = (long[]) read(n5 + ":/v/labels");
        int[] again = (int[]) read(n5 + ":/v/labels-again");
        assertEquals(labels.length, again.length);
        for (int i = 0; i < labels.length; i++) {
            assertEquals(labels[i], Integer.toUnsignedLong(again[i]), "voxel " + i);
        }
        assertEquals(attributes(n5 + ":/v/labels").get("resolution"), attributes(n5 + ":/v/labels-again").get("resolution"));
    }

    @Test
    void labelsBeyond32BitsAreRefusedAndNoTiffIsLeft() throws IOException {
        Path n5 = dir.resolve("big.n5");
        long[] labels = new long[2 * 3 * 4];
        labels[5] = 1L << 40;
        try (Container container = Containers.openForWriting(n5, Format.N5);
             DatasetWriter writer = container.create("/labels", new DatasetInfo(new long[] {4, 3, 2}, new int[] {4, 3, 2}, DataType.UINT64,
                     Compression.RAW))) {
            Datasets.writeAll(writer, labels);
            writer.commit();
        }
        Path tif = dir.resolve("big.tif");
        CliRun.assertUserError("convert " + n5 + ":/labels " + tif + "|cannot write " + tif + ": label 1099511627776 does not fit "
                + "the 32 bits a TIFF stack holds; write N5, Zarr or HDF5");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(n5), files.toList());
        }
    }

    /** ImageJ's opener prints "Unsupported format or file not found" on System.out, past the command's own output. */
    @Test
    void aFileImageJCannotReadIsOneLineOnStderrAndNothingOnStdout() throws Throwable {
        Path empty = Files.createFile(dir.resolve("empty.tif"));
        Path text = Files.writeString(dir.resolve("text.tif"), "not an image");
        String printed = StandardOutput.during(() -> {
            CliRun.assertUserError("info " + empty + "|" + empty + " is not a TIFF file ImageJ can read: it ends before its first image");
            CliRun.assertUserError("convert " + text + " " + dir.resolve("out.n5") + ":/x|" + text + " is not a TIFF file ImageJ can read");
        });
        assertEquals("", printed);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(empty, text), files.sorted().toList());
        }
    }

    private static Object read(String address) throws IOException {
        try (Containers.OpenDataset open = Containers.open(DatasetAddress.parse(address))) {
            return open.dataset().readAll();
        }
    }

    private static JsonObject attributes(String address) throws IOException {
        DatasetAddress a = DatasetAddress.parse(address);
        try (Container container = Containers.open(a.container(), a.format())) {
            return container.attributes(a.dataset());
        }
    }
}
