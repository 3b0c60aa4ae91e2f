package org.cmgseg.segmentation.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Every statistic against its definition on the pooled values. Edges hold random affinities (on a
 * coarse grid, so that ties are common) and are merged in a random order; except for the running
 * mean, the result must not depend on how the values were grouped and merged.
 */
class StatisticsTest {

    /** Original edges with their affinities, and a random sequence of merges of all of them into edge 0. */
    private record Scenario(float[][] affinities, int[][] merges) {
    }

    private static Scenario scenario(long seed, int edges) {
        Random random = new Random(seed);
        float[][] affinities = new float[edges][];
        for (int e = 0; e < edges; e++) {
            affinities[e] = new float[1 + random.nextInt(12)];
            for (int i = 0; i < affinities[e].length; i++) {
                affinities[e][i] = random.nextInt(41) / 40f;
            }
        }
        List<Integer> alive = new ArrayList<>();
        for (int e = 0; e < edges; e++) {
            alive.add(e);
        }
        int[][] merges = new int[edges - 1][];
        for (int m = 0; m < merges.length; m++) {
            int from = alive.remove(random.nextInt(alive.size()));
            int to = alive.get(random.nextInt(alive.size()));
            merges[m] = new int[] {from, to};
        }
        return new Scenario(affinities, merges);
    }

    /** Feeds the scenario to a statistic; returns the surviving edge. */
    private static int run(Scenario s, EdgeStatistic statistic) {
        for (int e = 0; e < s.affinities().length; e++) {
            for (float a : s.affinities()[e]) {
                statistic.add(e, a);
            }
        }
        int survivor = 0;
        for (int[] merge : s.merges()) {
            statistic.merge(merge[0], merge[1]);
            survivor = merge[1];
        }
        return survivor;
    }

    /** The values the statistic pools: every affinity, or each original edge's largest. */
    private static float[] pooled(Scenario s, boolean initWithMax) {
        List<Float> values = new ArrayList<>();
        for (float[] edge : s.affinities()) {
            if (initWithMax) {
                float max = edge[0];
                for (float a : edge) {
                    max = Math.max(max, a);
                }
                values.add(max);
            } else {
                for (float a : edge) {
                    values.add(a);
                }
            }
        }
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        Arrays.sort(out);
        return out;
    }

    @Property(tries = 200)
    void exactQuantileIsTheRankedPooledValue(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int edges,
            @ForAll @IntRange(max = 100) int q, @ForAll boolean initWithMax) {
        Scenario s = scenario(seed, edges);
        ExactQuantile statistic = new ExactQuantile(edges, new Quantile(q, 0), initWithMax);
        float[] pooled = pooled(s, initWithMax);
        assertEquals(pooled[(int) Math.min((long) q * pooled.length / 100, pooled.length - 1)], statistic.value(run(s, statistic)));
    }

    @Property(tries = 200)
    void histogramQuantileIsTheBinOfTheRankedPooledValue(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int edges,
            @ForAll @IntRange(max = 100) int q, @ForAll boolean initWithMax, @ForAll @IntRange(min = 1, max = 300) int bins) {
        Scenario s = scenario(seed, edges);
        HistogramQuantile statistic = new HistogramQuantile(edges, new Quantile(q, 0), bins, initWithMax);
        float[] pooled = pooled(s, initWithMax);
        float expected = pooled[(int) Math.min((long) q * pooled.length / 100, pooled.length - 1)];
        int bin = expected >= 1f ? bins - 1 : Math.min((int) (expected * bins), bins - 1);
        assertEquals((float) ((bin + 0.5) / bins), statistic.value(run(s, statistic)));
    }

    @Property(tries = 200)
    void maxMinAndMeanOfLargestArePooled(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int edges,
            @ForAll @IntRange(min = 1, max = 15) int k) {
        Scenario s = scenario(seed, edges);
        float[] all = pooled(s, false);
        MaxAffinity max = new MaxAffinity(edges);
        MinAffinity min = new MinAffinity(edges);
        MeanOfLargest top = new MeanOfLargest(edges, k);
        assertEquals(all[all.length - 1], max.value(run(s, max)));
        assertEquals(all[0], min.value(run(s, min)));
        float sum = 0;
        int n = Math.min(k, all.length);
        for (int i = 0; i < n; i++) {
            sum += all[all.length - 1 - i];
        }
        assertEquals(sum / n, top.value(run(s, top)));
    }

    @Property(tries = 100)
    void theMeanIsTheMeanUpToRounding(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int edges) {
        Scenario s = scenario(seed, edges);
        MeanAffinity mean = new MeanAffinity(edges);
        double exact = Arrays.stream(toDoubles(pooled(s, false))).average().orElseThrow();
        assertEquals(exact, mean.value(run(s, mean)), 1e-5);
    }

    /** waterz's float32 recurrences, written out for three values and one merge. */
    @Test
    void theMeanRoundsAsWaterzDoes() {
        MeanAffinity mean = new MeanAffinity(2);
        mean.add(0, 0.1f);
        mean.add(0, 0.7f);
        mean.add(1, 0.3f);
        float first = (0.7f + 0.1f * 1f) / 2f;
        assertEquals(first, mean.value(0));
        mean.merge(1, 0);
        assertEquals((0.3f * 1f + first * 2f) / 3f, mean.value(0));
    }

    /** The pooled-affinity defect of waterz is not copied: an unmerged edge is ranked too. */
    @Test
    void exactQuantileOfAllAffinitiesRanksUnmergedEdges() {
        ExactQuantile statistic = new ExactQuantile(1, new Quantile(50, 0), false);
        for (float a : new float[] {0.9f, 0.1f, 0.2f, 0.3f, 0.4f}) {
            statistic.add(0, a);
        }
        assertEquals(0.3f, statistic.value(0));
        assertEquals(0.7f, ScoreOperator.ONE_MINUS.apply(statistic.value(0)), 1e-7);
    }

    @Test
    void maxAndMinReportWhetherAMergeChangedThem() {
        MaxAffinity max = new MaxAffinity(3);
        max.add(0, 0.5f);
        max.add(1, 0.4f);
        max.add(2, 0.6f);
        assertEquals(false, max.merge(1, 0));
        assertEquals(true, max.merge(2, 0));
        MinAffinity min = new MinAffinity(2);
        min.add(0, 0.5f);
        min.add(1, 0.5f);
        assertEquals(false, min.merge(1, 0));
    }

    /** Histograms of all affinities turn dense once sparse would be larger; the quantile does not change. */
    @Test
    void sparseAndDenseHistogramsAgree() {
        Quantile q = new Quantile(85, 0);
        HistogramQuantile statistic = new HistogramQuantile(3, q, 16, false);
        Random random = new Random(7);
        List<Float> all = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            for (int i = 0; i < (e == 0 ? 3 : 400); i++) {
                float a = random.nextFloat();
                statistic.add(e, a);
                all.add(a);
            }
        }
        statistic.merge(1, 0);
        statistic.merge(2, 0);
        float[] sorted = new float[all.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = all.get(i);
        }
        Arrays.sort(sorted);
        assertEquals(statistic.binValue(statistic.bin(sorted[(int) q.rank(sorted.length)])), statistic.value(0));
        assertTrue(statistic.binValue(0) == 1f / 32);
    }

    @Test
    void quantileRanks() {
        assertEquals(0, Quantile.parse("50").rank(1));
        assertEquals(5, Quantile.parse("85").rank(7));
        assertEquals(3, Quantile.parse("100").rank(4));
        assertEquals(1, Quantile.parse("12.5").rank(8));
        assertEquals(0, Quantile.parse("12.5").rank(7));
        assertEquals("12.5", Quantile.parse("12.50").toString());
        for (String bad : new String[] {"-1", "101", "abc", "1e3", "50.0000001"}) {
            assertTrue(assertThrowsIllegal(bad).contains("0 to 100"), bad);
        }
    }

    private static String assertThrowsIllegal(String text) {
        try {
            Quantile.parse(text);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted " + text);
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    @Property(tries = 50)
    void selectionFindsTheRankedElement(@ForAll @Size(min = 1, max = 200) List<@IntRange(max = 9) Integer> values,
            @ForAll @IntRange(max = 199) int k) {
        float[] a = new float[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i) / 10f;
        }
        int rank = Math.min(k, a.length - 1);
        float[] sorted = a.clone();
        Arrays.sort(sorted);
        assertEquals(sorted[rank], Selection.select(a, a.length, rank));
    }
}
