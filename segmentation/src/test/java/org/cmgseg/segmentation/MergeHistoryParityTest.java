package org.cmgseg.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.segmentation.agglomerate.MergeHistory;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.merge.MergeFunction;
import org.junit.jupiter.api.Test;

/** The four stored waterz merge histories (thresholds [0.5] only), merge for merge, scores bit for bit. */
class MergeHistoryParityTest {

    @Test
    void everyStoredHistoryMatches() throws IOException {
        int checked = 0;
        for (JsonElement element : WaterzReference.reference().getAsJsonArray("merge_histories")) {
            JsonObject meta = element.getAsJsonObject();
            String group = "/" + meta.get("group").getAsString();
            String function = meta.get("merge_function").getAsString();
            int dq = meta.get("discretize_queue").getAsInt();
            SegmentationResult result = SegmentationPipeline.run(WaterzReference.affinities("affinities"),
                    SegmentationOptions.of(MergeFunction.parse(function), WaterzReference.queue(dq), 0.5)
                            .withFragments(new FragmentMethod.Precomputed(WaterzReference.watershed("affinities"))), RunContext.of(2, Progress.NONE));
            long[] a = (long[]) WaterzReference.read("gala_train_segmentations.h5", group + "/a");
            long[] b = (long[]) WaterzReference.read("gala_train_segmentations.h5", group + "/b");
            long[] c = (long[]) WaterzReference.read("gala_train_segmentations.h5", group + "/c");
            float[] score = (float[]) WaterzReference.read("gala_train_segmentations.h5", group + "/score");
            MergeHistory history = result.history();
            assertEquals(meta.get("n_merges").getAsInt(), history.size(), group + " merges");
            long[] u = new long[history.size()];
            long[] v = new long[history.size()];
            float[] s = new float[history.size()];
            for (int i = 0; i < u.length; i++) {
                u[i] = result.label(history.u(i));
                v[i] = result.label(history.v(i));
                s[i] = history.score(i);
            }
            assertArrayEquals(a, u, group + " a");
            assertArrayEquals(b, v, group + " b");
            assertArrayEquals(c, u, group + " c (= a)");
            assertArrayEquals(score, s, group + " score");
            assertEquals(meta.get("n_segments_after").getAsInt(), result.segmentCount(0), group + " segments");
            assertEquals(meta.get("segmentation_sha256").getAsString(), LabelHash.of(result.fragments(), result.fragmentToSegment(0)));
            checked++;
        }
        assertEquals(4, checked);
    }
}
