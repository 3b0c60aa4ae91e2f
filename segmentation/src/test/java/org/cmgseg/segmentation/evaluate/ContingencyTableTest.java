package org.cmgseg.segmentation.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cmgseg.core.Parallel;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;

/**
 * The contingency table against a map of every labelled voxel's pair, counted one by one: the same pairs and counts,
 * sorted, and every voxel (ground truth 0 included) in the total, whether it was counted in one part or several.
 */
class ContingencyTableTest {

    @Property(tries = 30)
    void pairsOfLabelledVoxelsAndAllVoxels(@ForAll @IntRange(min = 1, max = 12 * Parallel.MIN_CHUNK) int voxels,
            @ForAll @IntRange(min = 1, max = 4) int threads, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] gt = runs(voxels, 4, random);
        long[] seg = runs(voxels, 50, random);
        Map<List<Long>, Long> expected = new HashMap<>();
        for (int v = 0; v < voxels; v++) {
            if (gt[v] != 0) {
                expected.merge(List.of(gt[v], seg[v]), 1L, Long::sum);
            }
        }
        ContingencyTable table = ContingencyTable.of(gt, seg, RunContext.of(threads, Progress.NONE));
        assertEquals(voxels, table.voxels());
        assertEquals(expected.size(), table.pairs());
        for (int k = 0; k < table.pairs(); k++) {
            assertEquals(expected.get(List.of(table.groundTruth(k), table.segmentation(k))), table.count(k));
            if (k > 0) {
                int order = Long.compare(table.groundTruth(k - 1), table.groundTruth(k));
                assertEquals(-1, order == 0 ? Long.compare(table.segmentation(k - 1), table.segmentation(k)) : order, "sorted at " + k);
            }
        }
    }

    /** Runs of random length of labels 0 to {@code labels}, and now and then one at the top of the uint64 range. */
    private static long[] runs(int n, int labels, SplittableRandom random) {
        long[] out = new long[n];
        for (int v = 0; v < n; ) {
            long label = random.nextInt(20) == 0 ? -1 - random.nextInt(3) : random.nextInt(labels + 1);
            int end = Math.min(n, v + 1 + random.nextInt(300));
            Arrays.fill(out, v, end, label);
            v = end;
        }
        return out;
    }
}
