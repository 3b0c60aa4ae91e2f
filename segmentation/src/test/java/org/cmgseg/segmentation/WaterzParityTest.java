package org.cmgseg.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every record of reference.json: for each (affinity variant, merge function, queue), one pass over
 * thresholds 0.1..0.9 must give waterz's segmentation (sha256 of the uint64 volume) and segment
 * count at every threshold. The CMG variants are read from the stored CMG volumes.
 */
class WaterzParityTest {

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        for (String variant : WaterzReference.VARIANTS) {
            for (String function : WaterzReference.MERGE_FUNCTIONS) {
                for (int dq : new int[] {256, 0}) {
                    runs.add(Arguments.of(variant, function, dq));
                }
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0} {1} dq{2}")
    @MethodSource("runs")
    void everyThresholdMatchesWaterz(String variant, String function, int dq) {
        SegmentationResult result = WaterzReference.result(variant, function, dq);
        int checked = 0;
        for (JsonObject record : WaterzReference.records()) {
            if (!record.get("affinity_variant").getAsString().equals(variant) || !record.get("merge_function").getAsString().equals(function)
                    || record.get("discretize_queue").getAsInt() != dq) {
                continue;
            }
            int t = WaterzReference.thresholdIndex(record.get("threshold").getAsDouble());
            String what = variant + " " + function + " dq" + dq + " t" + WaterzReference.THRESHOLDS[t];
            assertEquals(record.get("n_fragments").getAsInt(), result.fragments().count(), what + " fragments");
            assertEquals(record.get("n_segments").getAsInt(), result.segmentCount(t), what + " segments");
            assertEquals(record.get("segmentation_sha256").getAsString(),
                    LabelHash.of(result.fragments(), result.fragmentToSegment(t)), what + " sha256");
            checked++;
        }
        assertEquals(WaterzReference.THRESHOLDS.length, checked);
    }
}
