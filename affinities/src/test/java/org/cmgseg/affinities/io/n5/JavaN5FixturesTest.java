package org.cmgseg.affinities.io.n5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.Map;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.Fixtures;
import org.cmgseg.testkit.Sha256;
import org.cmgseg.testkit.SharedData;
import org.junit.jupiter.api.Test;

/** The N5 container written by the Java reference library (../shared/data/io/java-n5). */
class JavaN5FixturesTest {

    @Test
    void everyDatasetMatchesItsManifest() throws IOException {
        JsonObject manifest = Fixtures.manifest("io/java-n5/manifest.json");
        int dense = 0;
        int varlength = 0;
        try (N5Container container = N5Container.open(SharedData.require("io/java-n5/reference.n5"))) {
            for (JsonElement e : manifest.getAsJsonArray("datasets")) {
                JsonObject entry = e.getAsJsonObject();
                String name = "/" + entry.get("path").getAsString();
                N5Dataset dataset = container.open(name);
                assertArrayEquals(Fixtures.longs(entry.get("n5_dimensions")), dataset.info().dimensions(), name);
                assertEquals(entry.getAsJsonObject("compression"), container.attributes(name).get("compression"), name);
                for (JsonElement missing : entry.getAsJsonArray("missing_blocks")) {
                    assertNull(dataset.readBlock(Fixtures.longs(missing)), name + " missing block " + missing);
                }
                JsonObject attributes = container.attributes(name);
                for (Map.Entry<String, JsonElement> expected : Fixtures.attributes(entry).entrySet()) {
                    assertEquals(expected.getValue(), attributes.get(expected.getKey()), name + " attribute " + expected.getKey());
                }
                if (entry.has("blocks")) {
                    assertVarlengthBlocks(entry, dataset);
                    assertThrows(IOException.class, dataset::readAll, "varlength blocks have no dense meaning");
                    varlength++;
                } else {
                    Fixtures.assertMatches(entry, dataset, "numpy_shape", "data_type");
                    dense++;
                }
            }
        }
        assertEquals(15, dense);
        assertEquals(2, varlength);
    }

    private static void assertVarlengthBlocks(JsonObject entry, N5Dataset dataset) throws IOException {
        DataType type = dataset.info().dataType();
        for (JsonElement b : entry.getAsJsonArray("blocks")) {
            JsonObject expected = b.getAsJsonObject();
            N5Block block = dataset.readBlock(Fixtures.longs(expected.get("grid_position")));
            String what = entry.get("path").getAsString() + " block " + expected.get("grid_position");
            assertNotNull(block, what);
            assertEquals(expected.get("header_mode_on_disk").getAsInt(), block.mode(), what);
            assertArrayEquals(Fixtures.longs(expected.get("header_block_size")),
                    java.util.Arrays.stream(block.size()).asLongStream().toArray(), what);
            assertEquals(expected.get("num_elements").getAsInt(), type.length(block.elements()), what);
            assertEquals(expected.get("sha256_values_little_endian").getAsString(), Sha256.of(block.elements()), what);
        }
    }

    @Test
    void rootAttributesOfEveryJsonKindAndGroupsWithoutAttributes() throws IOException {
        JsonObject manifest = Fixtures.manifest("io/java-n5/manifest.json");
        try (N5Container container = N5Container.open(SharedData.require("io/java-n5/reference.n5"))) {
            assertEquals(manifest.getAsJsonObject("root_attributes"), container.attributes("/"));
            assertTrue(container.children("/").containsAll(java.util.List.of("affinities", "labels", "misc", "raw", "sparse", "varlength")));
            assertEquals(new JsonObject(), container.attributes("/misc"), "a group that is only a folder");
            assertEquals(java.util.List.of("float32_gzip"), container.children("/affinities"));
        }
    }
}
