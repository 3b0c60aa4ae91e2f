package org.cmgseg.affinities.io.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.Fixtures;
import org.cmgseg.testkit.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every dataset of the h5py fixtures, in both HDF5 file-format versions, against its manifest. */
class Hdf5FixturesTest {

    @ParameterizedTest
    @ValueSource(strings = {"reference.h5", "reference_libver_latest.h5"})
    void everyDatasetReadsWithItsRecordedHash(String file) throws IOException {
        JsonObject manifest = Fixtures.manifest("io/hdf5/manifest.json");
        Path path = SharedData.require("io/hdf5/" + file);
        int checked = 0;
        try (Hdf5Container container = Hdf5Container.open(path)) {
            for (JsonElement e : manifest.getAsJsonArray("datasets")) {
                JsonObject entry = e.getAsJsonObject();
                String name = "/" + entry.get("path").getAsString();
                Dataset dataset = container.open(name);
                Fixtures.assertMatches(entry, dataset, "shape", "dtype_name");
                JsonObject attributes = container.attributes(name);
                for (Map.Entry<String, JsonElement> expected : entry.getAsJsonObject("attributes").entrySet()) {
                    assertEquals(expected.getValue().getAsJsonObject().get("value"), attributes.get(expected.getKey()),
                            name + " attribute " + expected.getKey());
                }
                checked++;
            }
        }
        assertEquals(8, checked);
    }

    @ParameterizedTest
    @ValueSource(strings = {"reference.h5", "reference_libver_latest.h5"})
    void rootAndGroupAttributesOfEveryKind(String file) throws IOException {
        JsonObject manifest = Fixtures.manifest("io/hdf5/manifest.json");
        try (Hdf5Container container = Hdf5Container.open(SharedData.require("io/hdf5/" + file))) {
            JsonObject root = container.attributes("/");
            for (Map.Entry<String, JsonElement> expected : manifest.getAsJsonObject("root_attributes").entrySet()) {
                assertEquals(expected.getValue().getAsJsonObject().get("value"), root.get(expected.getKey()), "root " + expected.getKey());
            }
            assertTrue(container.children("/").contains("volumes"), container.children("/").toString());
        }
    }
}
