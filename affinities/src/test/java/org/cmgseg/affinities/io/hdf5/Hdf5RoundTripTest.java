package org.cmgseg.affinities.io.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cmgseg.affinities.io.BlockGrid;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.RandomArrays;
import org.cmgseg.affinities.io.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Hdf5RoundTripTest {

    private static final long[] DIMENSIONS = {13, 7, 5};
    private static final int[] BLOCK = {8, 4, 3};

    /** Writes a whole array block by block (regions cut from the full array). */
    static void writeBlockwise(DatasetWriter writer, Object all) throws IOException {
        DatasetInfo info = writer.info();
        BlockGrid grid = info.grid();
        DataType type = info.dataType();
        for (long b = 0; b < grid.blocks(); b++) {
            long[] position = grid.position(b);
            long[] offset = grid.offset(position);
            int[] size = grid.size(position);
            int n = size[0] * size[1] * size[2];
            Object block = type.allocate(n);
            int i = 0;
            for (int z = 0; z < size[2]; z++) {
                for (int y = 0; y < size[1]; y++) {
                    int start = (int) (((offset[2] + z) * DIMENSIONS[1] + offset[1] + y) * DIMENSIONS[0] + offset[0]);
                    System.arraycopy(all, start, block, i, size[0]);
                    i += size[0];
                }
            }
            writer.write(offset, size, block);
        }
    }

    @ParameterizedTest
    @EnumSource(DataType.class)
    void everyTypeRoundTripsRawAndGzip(DataType type, @TempDir Path dir) throws IOException {
        Object data = RandomArrays.of(type, 13 * 7 * 5, type.ordinal());
        for (Compression compression : new Compression[] {Compression.RAW, Compression.parse("gzip:6")}) {
            Path file = dir.resolve(compression.codec() + ".h5");
            DatasetInfo info = new DatasetInfo(DIMENSIONS, BLOCK, type, compression);
            try (Hdf5Container container = Hdf5Container.openForWriting(file); DatasetWriter writer = container.create("/a/b/data", info)) {
                writeBlockwise(writer, data);
                writer.commit();
            }
            try (Hdf5Container container = Hdf5Container.open(file)) {
                assertEquals(info, container.open("/a/b/data").info());
                assertEquals(Sha256.of(type, data), Sha256.of(type, container.open("/a/b/data").readAll()));
                assertEquals(java.util.List.of("data"), container.children("/a/b"), "no temporary dataset left");
            }
        }
    }

    @Test
    void anUncommittedDatasetLeavesNothingBehind(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("new.h5");
        DatasetInfo info = new DatasetInfo(DIMENSIONS, BLOCK, DataType.FLOAT32, Compression.GZIP);
        try (Hdf5Container container = Hdf5Container.openForWriting(file); DatasetWriter writer = container.create("/x", info)) {
            writer.write(new long[3], BLOCK, new float[8 * 4 * 3]);
        }
        assertFalse(Files.exists(file), "a file created only for an uncommitted dataset is removed");

        Path existing = dir.resolve("existing.h5");
        try (Hdf5Container container = Hdf5Container.openForWriting(existing); DatasetWriter writer = container.create("/kept", info)) {
            writer.commit();
        }
        try (Hdf5Container container = Hdf5Container.openForWriting(existing); DatasetWriter writer = container.create("/lost", info)) {
            writer.write(new long[3], BLOCK, new float[8 * 4 * 3]);
        }
        try (Hdf5Container container = Hdf5Container.open(existing)) {
            assertEquals(java.util.List.of("kept"), container.children("/"));
        }
    }

    @Test
    void attributesOfEveryJsonKindRoundTrip(@TempDir Path dir) throws IOException {
        JsonObject attributes = JsonParser.parseString("""
                {"resolution": [40, 4, 4], "offset": [0.5, 1.5, 2.5], "unit": "nm", "flag": true, "flags": [true, false],
                 "matrix": [[1, 2, 3], [4, 5, 6]], "names": ["a", "b"], "scalar": 2.5, "count": -7,
                 "nested": {"a": [1, {"b": null}]}, "mixed": [1, "x"], "ragged": [[1], [2, 3]], "empty": []}""").getAsJsonObject();
        Path file = dir.resolve("attributes.h5");
        try (Hdf5Container container = Hdf5Container.openForWriting(file);
             DatasetWriter writer = container.create("/d", new DatasetInfo(new long[] {2}, new int[] {2}, DataType.UINT8, Compression.RAW))) {
            writer.commit();
            container.setAttributes("/d", attributes);
        }
        try (Hdf5Container container = Hdf5Container.open(file)) {
            JsonObject read = container.attributes("/d");
            for (String plain : new String[] {"resolution", "offset", "unit", "flag", "flags", "matrix", "names", "scalar", "count"}) {
                assertEquals(attributes.get(plain), read.get(plain), plain);
            }
            for (String asText : new String[] {"nested", "mixed", "ragged", "empty"}) {
                assertEquals(attributes.get(asText), JsonParser.parseString(read.get(asText).getAsString()), asText + " as JSON text");
            }
        }
    }

    @Test
    void clearMessagesForMissingFilesDatasetsAndNonHdf5Files(@TempDir Path dir) throws IOException {
        assertTrue(assertThrows(IOException.class, () -> Hdf5Container.open(dir.resolve("none.h5")))
                .getMessage().startsWith("no such file: "));
        Path text = Files.writeString(dir.resolve("text.h5"), "not hdf5");
        assertTrue(assertThrows(IOException.class, () -> Hdf5Container.open(text)).getMessage().endsWith("is not an HDF5 file (or cannot be read)"));
        Path file = dir.resolve("one.h5");
        try (Hdf5Container container = Hdf5Container.openForWriting(file);
             DatasetWriter writer = container.create("/g/d", new DatasetInfo(new long[] {2}, new int[] {2}, DataType.UINT8, Compression.RAW))) {
            writer.commit();
        }
        try (Hdf5Container container = Hdf5Container.open(file)) {
            assertEquals("no dataset /g/x in " + file, assertThrows(IOException.class, () -> container.open("/g/x")).getMessage());
            assertEquals(file + ":/g is a group, not a dataset", assertThrows(IOException.class, () -> container.open("/g")).getMessage());
        }
        try (Hdf5Container container = Hdf5Container.openForWriting(dir.resolve("lz4.h5"))) {
            assertTrue(assertThrows(IOException.class, () -> container.create("/d",
                    new DatasetInfo(new long[] {2}, new int[] {2}, DataType.UINT8, Compression.parse("lz4")))).getMessage()
                    .contains("with lz4 compression: HDF5 datasets are written raw or with gzip"));
        }
    }
}
