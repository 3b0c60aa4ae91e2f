package org.cmgseg.segmentation.evaluate;

import java.util.ArrayList;
import java.util.List;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;

/**
 * The contingency table of a ground truth and a segmentation: the voxel count of every label pair
 * that occurs where the ground truth is labelled (not 0), sorted by (ground truth, segmentation) label,
 * and the count of all voxels. The order makes every sum over the table, and so every metric, identical
 * whatever the thread count or block order it was built in. Pairs of ground truth 0 are not kept: every
 * score ignores them but for the count of all voxels, and after a border mask they are most of the pairs.
 */
public final class ContingencyTable {

    private final long[] gt;
    private final long[] seg;
    private final long[] counts;
    private final long voxels;

    private ContingencyTable(long[] gt, long[] seg, long[] counts, long voxels) {
        this.gt = gt;
        this.seg = seg;
        this.counts = counts;
        this.voxels = voxels;
    }

    /** Counts two label volumes of the same layout, on the context's threads (a part at a time, reported as "contingency"). */
    public static ContingencyTable of(long[] groundTruth, long[] segmentation, RunContext context) {
        if (groundTruth.length != segmentation.length) {
            throw new IllegalArgumentException("ground truth and segmentation differ in size: " + groundTruth.length + " and "
                    + segmentation.length + " voxels");
        }
        List<LabelPairCounts> parts = new ArrayList<>();
        Task task = context.task("contingency", groundTruth.length);
        context.forRange(groundTruth.length, (from, to) -> {
            LabelPairCounts part = new LabelPairCounts();
            part.addVoxels(groundTruth, segmentation, from, to);
            synchronized (parts) {
                parts.add(part);
            }
            task.advance(to - from);
        });
        LabelPairCounts all = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            all.addAll(parts.get(i));
        }
        return of(all);
    }

    private static ContingencyTable of(LabelPairCounts counts) {
        long[][] pairs = counts.toArrays();
        int[] order = PairOrder.sorted(pairs[0], pairs[1]);
        int n = order.length;
        long[] gt = new long[n];
        long[] seg = new long[n];
        long[] c = new long[n];
        for (int k = 0; k < n; k++) {
            gt[k] = pairs[0][order[k]];
            seg[k] = pairs[1][order[k]];
            c[k] = pairs[2][order[k]];
        }
        return new ContingencyTable(gt, seg, c, counts.voxels());
    }

    public int pairs() {
        return counts.length;
    }

    public long groundTruth(int pair) {
        return gt[pair];
    }

    public long segmentation(int pair) {
        return seg[pair];
    }

    public long count(int pair) {
        return counts[pair];
    }

    /** All voxels counted, those of ground-truth label 0 included. */
    public long voxels() {
        return voxels;
    }
}
