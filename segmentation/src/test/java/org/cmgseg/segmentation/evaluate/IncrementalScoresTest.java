package org.cmgseg.segmentation.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cmgseg.affinities.io.hdf5.Hdf5Container;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.testkit.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scores updated merge by merge equal the scores computed from the relabelled volume. */
class IncrementalScoresTest {

    private static void assertClose(CremiScores expected, CremiScores actual, String what) {
        assertEquals(expected.voiSplit(), actual.voiSplit(), 1e-9, what + " voi_split");
        assertEquals(expected.voiMerge(), actual.voiMerge(), 1e-9, what + " voi_merge");
        assertEquals(expected.adaptedRand(), actual.adaptedRand(), 1e-9, what + " adapted_rand");
        assertEquals(expected.cremiScore(), actual.cremiScore(), 1e-9, what + " cremi_score");
    }

    /** The segmentation after a prefix of merges, by relabelling every voxel. */
    private static long[] relabel(int[] fragments, int count, long[] u, long[] v, int merges) {
        int[] parent = new int[count + 1];
        for (int i = 0; i <= count; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < merges; i++) {
            parent[(int) v[i]] = (int) u[i];
        }
        long[] out = new long[fragments.length];
        for (int x = 0; x < fragments.length; x++) {
            int r = fragments[x];
            while (parent[r] != r) {
                r = parent[r];
            }
            out[x] = r;
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"mean/dq256", "mean/dq0", "median_aff_histograms/dq256", "median_aff_histograms/dq0"})
    void waterzMergeHistoriesReachTheRecordedScores(String history) throws IOException {
        JsonObject reference = CremiReferenceTest.reference();
        try (Hdf5Container inputs = Hdf5Container.open(SharedData.require("waterz-reference/gala_train_inputs.h5"));
             Hdf5Container segmentations = Hdf5Container.open(SharedData.require("waterz-reference/gala_train_segmentations.h5"))) {
            long[] gt = (long[]) inputs.open("/volumes/labels/neuron_ids").readAll();
            long[] fragmentLabels = (long[]) inputs.open("/volumes/fragments/affinities").readAll();
            int[] fragments = new int[fragmentLabels.length];
            int count = 0;
            for (int i = 0; i < fragments.length; i++) {
                fragments[i] = (int) fragmentLabels[i];
                count = Math.max(count, fragments[i]);
            }
            String group = "/merge_histories/" + history + "/0.5/";
            long[] u = (long[]) segmentations.open(group + "a").readAll();
            long[] v = (long[]) segmentations.open(group + "b").readAll();
            IncrementalScores scores = new FragmentContingency(gt, fragments, count, RunContext.of(2, Progress.NONE)).start();
            for (int i = 0; i < u.length; i++) {
                scores.merge((int) u[i], (int) v[i]);
                if (i % 400 == 0) {
                    assertClose(CremiMetrics.of(ContingencyTable.of(gt, relabel(fragments, count, u, v, i + 1), RunContext.of(2, Progress.NONE))), scores.scores(),
                            history + " after " + (i + 1) + " merges");
                }
            }
            String[] parts = history.split("/");
            JsonObject stored = new JsonObject();
            stored.addProperty("affinity_variant", "affinities");
            stored.addProperty("merge_function", parts[0]);
            stored.addProperty("discretize_queue", Integer.parseInt(parts[1].substring(2)));
            stored.addProperty("threshold", 0.5);
            CremiReferenceTest.assertScores(CremiReferenceTest.record(reference, stored).getAsJsonObject("cremi_python"), scores.scores(), history);
        }
    }

    @Property(tries = 60)
    void randomVolumesAndMergeOrders(@ForAll @IntRange(min = 0, max = 100000) int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 200 + random.nextInt(2000);
        int count = 1 + random.nextInt(40);
        int[] fragments = new int[n];
        long[] gt = new long[n];
        for (int i = 0; i < n; i++) {
            fragments[i] = random.nextInt(count + 1);
            gt[i] = random.nextInt(6) == 0 ? 0 : random.nextLong(1, 8);
        }
        FragmentContingency base = new FragmentContingency(gt, fragments, count, RunContext.of(1, Progress.NONE));
        IncrementalScores scores = base.start();
        IncrementalScores untouched = base.start();
        int[] root = new int[count + 1];
        for (int i = 0; i <= count; i++) {
            root[i] = i;
        }
        long[] u = new long[count];
        long[] v = new long[count];
        int merges = 0;
        for (int step = 0; step < 3 * count && merges < count - 1; step++) {
            int a = 1 + random.nextInt(count);
            int b = 1 + random.nextInt(count);
            while (root[a] != a) {
                a = root[a];
            }
            while (root[b] != b) {
                b = root[b];
            }
            if (a == b) {
                continue;
            }
            int survivor = Math.min(a, b);
            int absorbed = Math.max(a, b);
            root[absorbed] = survivor;
            u[merges] = survivor;
            v[merges++] = absorbed;
            scores.merge(survivor, absorbed);
            assertClose(CremiMetrics.of(ContingencyTable.of(gt, relabel(fragments, count, u, v, merges), RunContext.of(1, Progress.NONE))), scores.scores(),
                    "seed " + seed + " after " + merges + " merges");
        }
        assertClose(CremiMetrics.of(ContingencyTable.of(gt, relabel(fragments, count, u, v, 0), RunContext.of(1, Progress.NONE))), untouched.scores(),
                "a run started from the same contingency is not affected by another");
    }
}
