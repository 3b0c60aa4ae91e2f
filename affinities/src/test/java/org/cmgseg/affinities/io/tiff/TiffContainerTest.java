package org.cmgseg.affinities.io.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import ij.ImagePlus;
import ij.io.Opener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.Datasets;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.testkit.RandomArrays;
import org.cmgseg.testkit.Sha256;
import org.cmgseg.testkit.StandardOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TiffContainerTest {

    private static final long[] DIMS = {13, 7, 5};

    @TempDir
    Path dir;

    private Path write(String name, DataType type, Object data) throws IOException {
        Path path = dir.resolve(name);
        try (Container container = Containers.openForWriting(path, Format.TIFF);
             DatasetWriter writer = container.create("", new DatasetInfo(DIMS, new int[] {13, 7, 1}, type, Compression.RAW))) {
            Datasets.writeAll(writer, data);
            writer.commit();
        }
        return path;
    }

    private static Dataset read(Path path) throws IOException {
        try (Container container = Containers.open(path, Format.TIFF)) {
            return container.open("");
        }
    }

    /** Every type a TIFF stack holds comes back with its values and its type; 32-bit integers stay integers. */
    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"UINT8", "UINT16", "UINT32", "INT32", "FLOAT32"})
    void stacksRoundTripTheirValuesAndTypes(DataType type) throws IOException {
        Object data = RandomArrays.fill(type.allocate(13 * 7 * 5), 9);
        Dataset dataset = read(write(type.label() + ".tif", type, data));
        assertArrayEquals(new long[] {5, 7, 13}, dataset.info().shape());
        assertEquals(type, dataset.info().dataType());
        assertEquals(Sha256.of(data), Sha256.of(dataset.readAll()), type.label());
    }

    /** ImageJ itself opens what is written, with 32-bit integers as 32-bit images: Fiji users can look at labels. */
    @Test
    void imageJOpensTheStacks() throws IOException {
        int[] labels = RandomArrays.fill(new int[13 * 7 * 5], 4);
        for (int i = 0; i < labels.length; i++) {
            labels[i] &= 0xffff;
        }
        Path path = write("labels.tif", DataType.UINT32, labels);
        ImagePlus image = new Opener().openTiff(dir + "/", "labels.tif");
        assertEquals(32, image.getBitDepth());
        assertEquals(5, image.getStackSize());
        assertEquals(labels[2 * 91 + 3 * 13 + 4], image.getStack().getProcessor(3).getf(4, 3), 0);
        assertTrue(Files.size(path) > 4L * labels.length);
    }

    @Test
    void uint64LabelsAreWrittenAsUint32WhenTheyFit() throws IOException {
        long[] labels = new long[13 * 7 * 5];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = 0xffffffffL - i * 1_000_003L;
        }
        Dataset dataset = read(write("labels.tif", DataType.UINT64, labels));
        assertEquals(DataType.UINT32, dataset.info().dataType());
        int[] read = (int[]) dataset.readAll();
        for (int i = 0; i < labels.length; i++) {
            assertEquals(labels[i], Integer.toUnsignedLong(read[i]), "label " + i);
        }
    }

    @Test
    void uint64LabelsBeyond32BitsAreRefusedAndNothingIsLeft() throws IOException {
        long[] labels = new long[13 * 7 * 5];
        labels[100] = 1L << 32;
        IOException e = assertThrows(IOException.class, () -> write("big.tif", DataType.UINT64, labels));
        assertEquals("cannot write " + dir.resolve("big.tif") + ": label 4294967296 does not fit the 32 bits a TIFF stack holds; "
                + "write N5, Zarr or HDF5", e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void otherTypesAreRefused() throws IOException {
        try (Container container = Containers.openForWriting(dir.resolve("d.tif"), Format.TIFF)) {
            IOException e = assertThrows(IOException.class, () -> container.create("", new DatasetInfo(DIMS, new int[] {13, 7, 1},
                    DataType.FLOAT64, Compression.RAW)));
            assertTrue(e.getMessage().startsWith("TIFF stacks hold uint8, uint16, uint32, int32 or float32 (and uint64 labels below "
                    + "2^32), not float64"), e.getMessage());
        }
    }

    /** The resolution (z, y, x) and unit are the stack's calibration, for ImageJ as for cmgseg. */
    @Test
    void theResolutionIsKept() throws IOException {
        Path path = write("raw.tif", DataType.UINT32, RandomArrays.fill(new int[13 * 7 * 5], 2));
        JsonObject attributes = new JsonObject();
        JsonArray resolution = new JsonArray();
        resolution.add(40.0);
        resolution.add(4.0);
        resolution.add(3.5);
        attributes.add("resolution", resolution);
        attributes.addProperty("mu", 0.4);
        try (Container container = Containers.open(path, Format.TIFF)) {
            container.setAttributes("", attributes);
            assertEquals("{\"resolution\":[40.0,4.0,3.5],\"unit\":\"nm\"}", container.attributes("").toString());
            assertEquals(DataType.UINT32, container.open("").info().dataType());
        }
        ImagePlus image = new Opener().openTiff(dir + "/", "raw.tif");
        assertEquals(3.5, image.getCalibration().pixelWidth, 0);
        assertEquals(4.0, image.getCalibration().pixelHeight, 0);
        assertEquals(40.0, image.getCalibration().pixelDepth, 0);
        assertEquals("nm", image.getCalibration().getUnit());
    }

    /** Voxel sizes far below 1 (in metres) keep their digits in the 32-bit rationals of a TIFF resolution. */
    @Test
    void smallVoxelSizesAreKeptToo() throws IOException {
        Path path = write("metres.tif", DataType.UINT8, RandomArrays.fill(new byte[13 * 7 * 5], 3));
        double[] zyx = {40e-9, 4e-9, 3.3e-9};
        JsonObject attributes = new JsonObject();
        JsonArray resolution = new JsonArray();
        for (double size : zyx) {
            resolution.add(size);
        }
        attributes.add("resolution", resolution);
        attributes.addProperty("unit", "m");
        try (Container container = Containers.open(path, Format.TIFF)) {
            container.setAttributes("", attributes);
            JsonArray kept = container.attributes("").getAsJsonArray("resolution");
            for (int i = 0; i < 3; i++) {
                assertEquals(zyx[i], kept.get(i).getAsDouble(), zyx[i] * 1e-6, "axis " + i);
            }
        }
    }

    /** ImageJ's opener prints "Unsupported format or file not found" on standard output when it cannot decode a file. */
    @Test
    void filesImageJCannotReadGiveAReasonAndPrintNothing() throws Throwable {
        Path empty = Files.createFile(dir.resolve("empty.tif"));
        Path text = Files.writeString(dir.resolve("text.tif"), "not an image");
        String printed = StandardOutput.during(() -> {
            for (Path path : new Path[] {empty, text}) {
                IOException e = assertThrows(IOException.class, () -> read(path));
                assertTrue(e.getMessage().startsWith(path + " is not a TIFF file ImageJ can read: "), e.getMessage());
                assertThrows(IOException.class, () -> {
                    try (Container container = Containers.open(path, Format.TIFF)) {
                        container.attributes("");
                    }
                });
            }
        });
        assertEquals("", printed);
        assertFalse(Files.exists(dir.resolve("empty.tif.partial")));
    }
}
