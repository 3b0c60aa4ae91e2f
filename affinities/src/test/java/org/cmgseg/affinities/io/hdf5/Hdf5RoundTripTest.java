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
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Hdf5RoundTripTest {

    private static final long[] DIMENSIONS = {13, 7, 5};
    private static final int[] BLOCK = {8, 4, 3};

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
