package org.cmgseg.segmentation.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import org.cmgseg.affinities.io.hdf5.Hdf5Container;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.testkit.SharedData;
import org.junit.jupiter.api.Test;

/** cremi_python's numbers for every stored segmentation and fragment volume of the waterz fixtures. */
class CremiReferenceTest {

    static JsonObject reference() throws IOException {
        return JsonParser.parseString(Files.readString(SharedData.require("waterz-reference/reference.json"))).getAsJsonObject();
    }

    static JsonObject record(JsonObject reference, JsonObject stored) {
        for (JsonElement e : reference.getAsJsonArray("records")) {
            JsonObject r = e.getAsJsonObject();
            if (r.get("affinity_variant").equals(stored.get("affinity_variant")) && r.get("merge_function").equals(stored.get("merge_function"))
                    && r.get("discretize_queue").equals(stored.get("discretize_queue")) && r.get("threshold").getAsDouble() == stored.get("threshold").getAsDouble()) {
                return r;
            }
        }
        throw new AssertionError("no record for " + stored);
    }

    static void assertScores(JsonObject expected, CremiScores actual, String what) {
        assertEquals(expected.get("voi_split").getAsDouble(), actual.voiSplit(), 1e-9, what + " voi_split");
        assertEquals(expected.get("voi_merge").getAsDouble(), actual.voiMerge(), 1e-9, what + " voi_merge");
        assertEquals(expected.get("adapted_rand").getAsDouble(), actual.adaptedRand(), 1e-9, what + " adapted_rand");
        assertEquals(expected.get("cremi_score").getAsDouble(), actual.cremiScore(), 1e-9, what + " cremi_score");
    }

    @Test
    void everyStoredSegmentationAndFragmentVolume() throws IOException {
        JsonObject reference = reference();
        JsonObject gala = reference.getAsJsonObject("datasets").getAsJsonObject("gala_train");
        int checked = 0;
        try (Hdf5Container inputs = Hdf5Container.open(SharedData.require("waterz-reference/gala_train_inputs.h5"));
             Hdf5Container segmentations = Hdf5Container.open(SharedData.require("waterz-reference/gala_train_segmentations.h5"))) {
            long[] gt = (long[]) inputs.open("/volumes/labels/neuron_ids").readAll();
            for (JsonElement e : gala.getAsJsonArray("stored_segmentations")) {
                JsonObject stored = e.getAsJsonObject();
                long[] seg = (long[]) segmentations.open("/" + stored.get("path").getAsString()).readAll();
                JsonObject record = record(reference, stored);
                CremiScores scores = CremiMetrics.of(ContingencyTable.of(gt, seg, RunContext.of(2, Progress.NONE)));
                assertScores(record.getAsJsonObject("cremi_python"), scores, stored.get("path").getAsString());
                checked++;
            }
            for (var variant : gala.getAsJsonObject("fragments").entrySet()) {
                JsonObject fragments = variant.getValue().getAsJsonObject();
                long[] seg = (long[]) inputs.open("/" + fragments.get("segmentation_dataset").getAsString()).readAll();
                assertScores(fragments.getAsJsonObject("cremi_python"), CremiMetrics.of(ContingencyTable.of(gt, seg, RunContext.sequential())), variant.getKey());
                checked++;
            }
        }
        assertEquals(47, checked);
    }
}
