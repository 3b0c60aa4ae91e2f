package org.cmgseg.affinities.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.cmgseg.testkit.SharedData;
import org.junit.jupiter.api.Test;

/** The N5 and Zarr v2 containers written by python zarr 2.13 (../shared/data/io/manifest.json). */
class PythonZarrFixturesTest {

    @Test
    void everyDatasetReadsWithItsRecordedHashAndAttributes() throws IOException {
        JsonObject manifest = Fixtures.manifest("io/manifest.json");
        int checked = 0;
        for (JsonElement e : manifest.getAsJsonArray("datasets")) {
            JsonObject entry = e.getAsJsonObject();
            Path path = SharedData.require("io/" + entry.get("container").getAsString());
            try (Container container = Containers.open(path, Format.ofPath(path.toString()))) {
                String name = "/" + entry.get("path").getAsString();
                Fixtures.assertMatches(entry, container.open(name), "shape", "dtype");
                JsonObject attributes = container.attributes(name);
                for (Map.Entry<String, JsonElement> expected : Fixtures.attributes(entry).entrySet()) {
                    assertEquals(expected.getValue(), attributes.get(expected.getKey()), name + " attribute " + expected.getKey());
                }
                checked++;
            }
        }
        assertEquals(14, checked, "7 N5 datasets and 7 Zarr arrays");
    }
}
