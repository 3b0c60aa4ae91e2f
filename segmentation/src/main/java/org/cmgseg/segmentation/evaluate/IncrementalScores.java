package org.cmgseg.segmentation.evaluate;

import java.util.Arrays;

/**
 * The CREMI metrics of an agglomeration after every merge, without relabelling or recounting the
 * volume: a merge updates only the cells of the two segments it joins. Cells a merge has not touched
 * stay in the shared {@link FragmentContingency}; changed ones live in this run's own table. A segment
 * keeps its cells in the storage of the larger of its two parts, so every cell moves O(log n) times.
 * Sums of squares are exact; the entropy sums drift by rounding only (far below 1e-9 in the scores).
 */
public final class IncrementalScores {

    private final FragmentContingency base;
    /** (storage column, gt label) -> voxels, for cells changed by merges. */
    private final LabelPairCounts changed = new LabelPairCounts();
    /** Ground-truth labels a column gained by merges (beyond its own), per storage column. */
    private final long[][] gained;
    private final int[] gainedSizes;
    private final int[] storage;
    private final long[] totals;
    private final TableSums fragmentSums;
    private double cellEntropy;
    private double columnEntropy;
    private long cellSquaresSegmented;
    private long columnSquaresSegmented;

    IncrementalScores(FragmentContingency base) {
        this.base = base;
        int n = base.fragments() + 1;
        gained = new long[n][];
        gainedSizes = new int[n];
        storage = new int[n];
        for (int j = 0; j < n; j++) {
            storage[j] = j;
        }
        totals = base.totals().clone();
        fragmentSums = base.sums();
        cellEntropy = fragmentSums.cellEntropy();
        columnEntropy = fragmentSums.columnEntropy();
        cellSquaresSegmented = fragmentSums.cellSquaresSegmented();
        columnSquaresSegmented = fragmentSums.columnSquaresSegmented();
    }

    private int cellCount(int column) {
        return base.columnEnd(column) - base.columnStart(column) + gainedSizes[column];
    }

    private long count(int column, long label) {
        long c = changed.count(column, label);
        return c != 0 ? c : base.baseCount(column, label);
    }

    /** Segment {@code absorbed} joins segment {@code survivor} (fragment ids; neither the background 0). */
    public void merge(int survivor, int absorbed) {
        if (survivor == 0 || absorbed == 0) {
            throw new IllegalArgumentException("the background (fragment 0) is never merged");
        }
        int a = storage[survivor];
        int b = storage[absorbed];
        int large = cellCount(a) >= cellCount(b) ? a : b;
        int small = large == a ? b : a;
        for (int cell = base.columnStart(small); cell < base.columnEnd(small); cell++) {
            move(small, large, base.groundTruth(cell));
        }
        for (int i = 0; i < gainedSizes[small]; i++) {
            move(small, large, gained[small][i]);
        }
        long q = totals[a] + totals[b];
        columnEntropy += TableSums.xlog2x(q) - TableSums.xlog2x(totals[a]) - TableSums.xlog2x(totals[b]);
        columnSquaresSegmented += 2 * totals[a] * totals[b];
        totals[large] = q;
        gained[small] = null;
        gainedSizes[small] = 0;
        storage[survivor] = large;
    }

    private void move(int small, int large, long label) {
        long moved = count(small, label);
        long kept = count(large, label);
        if (kept == 0) {
            if (gained[large] == null) {
                gained[large] = new long[4];
            } else if (gainedSizes[large] == gained[large].length) {
                gained[large] = Arrays.copyOf(gained[large], 2 * gainedSizes[large]);
            }
            gained[large][gainedSizes[large]++] = label;
        }
        changed.add(large, label, kept + moved - changed.count(large, label));
        cellEntropy += TableSums.xlog2x(kept + moved) - TableSums.xlog2x(kept) - TableSums.xlog2x(moved);
        cellSquaresSegmented += 2 * kept * moved;
    }

    public CremiScores scores() {
        TableSums s = fragmentSums;
        return CremiMetrics.of(new TableSums(s.voxels(), s.labelled(), cellEntropy, s.rowEntropy(), columnEntropy, 0, cellSquaresSegmented,
                s.rowSquares(), 0, columnSquaresSegmented, s.unsegmented()));
    }
}
