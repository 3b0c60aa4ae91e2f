package org.cmgseg.segmentation.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An edge's state written and read into a fresh statistic is that edge: the same value bit for bit, before and after
 * the same merges, whether its faces were many or few (single and pooled, sparse and dense histograms).
 */
class StatisticStateTest {

    private static final int EDGES = 40;

    @ParameterizedTest
    @ValueSource(strings = {"mean", "max", "min", "top:10", "quantile:85:maxinit", "quantile:50:all", "histogram:50:bins=256:maxinit",
        "histogram:75:bins=4:all", "histogram:75:bins=256:all", "contact"})
    void aCopiedStateMergesAndScoresAsTheOriginal(String name) throws IOException {
        EdgeStatistic original = statistic(name);
        EdgeStatistic copy = statistic(name);
        SplittableRandom random = new SplittableRandom(name.hashCode());
        for (int e = 0; e < EDGES; e++) {
            int faces = e % 4 == 0 ? 1 : 1 + random.nextInt(e < 20 ? 6 : 300);
            for (int i = 0; i < faces; i++) {
                original.add(e, (float) random.nextDouble());
            }
        }
        for (int e = EDGES - 1; e >= 0; e--) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            original.writeState(e, new DataOutputStream(bytes));
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
            copy.readState(e, in);
            assertEquals(0, in.available(), "the state is read to its end");
            assertEquals(Float.floatToIntBits(original.value(e)), Float.floatToIntBits(copy.value(e)), "edge " + e);
        }
        for (int step = 0; step < EDGES - 1; step++) {
            int from = step;
            int to = step + 1 + random.nextInt(EDGES - step - 1);
            assertEquals(original.merge(from, to), copy.merge(from, to));
            assertEquals(Float.floatToIntBits(original.value(to)), Float.floatToIntBits(copy.value(to)), name + " after merge " + step);
        }
        assertTrue(original.value(EDGES - 1) > 0, "the statistics saw faces");
    }

    private static EdgeStatistic statistic(String name) {
        return name.equals("contact") ? new ContactArea(EDGES) : MergeFunctions.parse(name).newStatistic(EDGES);
    }
}
