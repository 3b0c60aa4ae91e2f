package org.cmgseg.affinities.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cmgseg.testkit.RandomArrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bad input gives an IOException whose message names the container, the dataset and the problem. */
class ContainerErrorsTest {

    private static Path writeOne(Path dir, Format format, Compression compression) throws IOException {
        Path path = dir.resolve("c" + format.extensions().get(0));
        try (Container container = Containers.openForWriting(path, format);
             DatasetWriter writer = container.create("/d", new DatasetInfo(new long[] {8, 4, 2}, new int[] {4, 4, 2}, DataType.UINT16, compression))) {
            Datasets.writeAll(writer, RandomArrays.fill(DataType.UINT16.allocate(64), 3));
            writer.commit();
        }
        return path;
    }

    private static String readError(Path path, Format format) {
        return assertThrows(IOException.class, () -> {
            try (Container container = Containers.open(path, format)) {
                container.open("/d").readAll();
            }
        }).getMessage();
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"N5", "ZARR"})
    void corruptAndTruncatedBlocks(Format format, @TempDir Path dir) throws IOException {
        Path path = writeOne(dir, format, Compression.GZIP);
        Path block = path.resolve(format == Format.N5 ? "d/0/0/0" : "d/0.0.0");
        byte[] bytes = Files.readAllBytes(block);
        byte[] corrupt = bytes.clone();
        for (int i = bytes.length - 8; i < bytes.length; i++) {
            corrupt[i] ^= 0x5a;
        }
        Files.write(block, corrupt);
        String message = readError(path, format);
        assertTrue(message.startsWith(path + ":/d"), message);
        Files.write(block, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        message = readError(path, format);
        assertTrue(message.startsWith(path + ":/d") && message.contains("trunc"), message);
    }

    @Test
    void unsupportedN5CompressionAndDataTypeAreNamed(@TempDir Path dir) throws IOException {
        Path path = writeOne(dir, Format.N5, Compression.RAW);
        Path attributes = path.resolve("d/attributes.json");
        String json = Files.readString(attributes);
        Files.writeString(attributes, json.replace("\"raw\"", "\"jpeg\""));
        assertTrue(readError(path, Format.N5).contains("unsupported N5 compression 'jpeg' in " + path + ":/d"), readError(path, Format.N5));
        Files.writeString(attributes, json.replace("\"uint16\"", "\"complex64\""));
        assertTrue(readError(path, Format.N5).contains("unsupported data type 'complex64'"), readError(path, Format.N5));
    }

    @Test
    void unsupportedZarrDtypeCompressorAndFiltersAreNamed(@TempDir Path dir) throws IOException {
        Path path = writeOne(dir, Format.ZARR, Compression.GZIP);
        Path metadata = path.resolve("d/.zarray");
        String json = Files.readString(metadata);
        Files.writeString(metadata, json.replace("\"<u2\"", "\"<c8\""));
        assertTrue(readError(path, Format.ZARR).contains(path + ":/d has unsupported dtype '<c8'"), readError(path, Format.ZARR));
        Files.writeString(metadata, json.replace("\"gzip\"", "\"jpeg2k\""));
        assertTrue(readError(path, Format.ZARR).contains("unsupported Zarr compressor 'jpeg2k' in " + path + ":/d"), readError(path, Format.ZARR));
        Files.writeString(metadata, json.replace("\"filters\": null", "\"filters\": [{\"id\": \"delta\"}]"));
        assertTrue(readError(path, Format.ZARR).contains("uses Zarr filters"), readError(path, Format.ZARR));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"N5", "ZARR", "HDF5"})
    void missingContainersAndDatasets(Format format, @TempDir Path dir) throws IOException {
        Path missing = dir.resolve("none" + format.extensions().get(0));
        assertTrue(assertThrows(IOException.class, () -> Containers.open(missing, format)).getMessage().contains(missing.toString()));
        Path path = writeOne(dir, format, Compression.RAW);
        try (Container container = Containers.open(path, format)) {
            assertEquals("no dataset /e in " + path, assertThrows(IOException.class, () -> container.open("/e")).getMessage());
        }
    }

    @Test
    void aFileIsNotAFolderContainer(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("x.n5"), "{}");
        assertEquals(file + " is not an N5 container (not a folder)", assertThrows(IOException.class, () -> Containers.open(file, Format.N5)).getMessage());
        Path zarr = Files.writeString(dir.resolve("x.zarr"), "{}");
        assertEquals(zarr + " is not a Zarr store (not a folder)", assertThrows(IOException.class, () -> Containers.open(zarr, Format.ZARR)).getMessage());
    }
}
