package org.cmgseg.segmentation.evaluate;

import org.cmgseg.core.RunContext;

/**
 * The contingency of a fragment volume (dense ids, 0 the background) with a ground truth, arranged for
 * scoring agglomerations of those fragments: per fragment, the ground-truth labels other than 0 it
 * covers, sorted, with their voxel counts (compressed columns), and the table sums of the fragments
 * themselves. Built once; every agglomeration then starts from it with {@link #start()}.
 */
public final class FragmentContingency {

    private final int fragments;
    private final int[] columnStart;
    private final long[] gt;
    private final long[] counts;
    private final long[] totals;
    private final TableSums sums;

    public FragmentContingency(long[] groundTruth, int[] fragmentIds, int fragmentCount, RunContext context) {
        long[] asLabels = new long[fragmentIds.length];
        for (int v = 0; v < fragmentIds.length; v++) {
            asLabels[v] = fragmentIds[v];
        }
        ContingencyTable table = ContingencyTable.of(groundTruth, asLabels, context);
        this.sums = TableSums.of(table);
        this.fragments = fragmentCount;
        int cells = table.pairs();
        long[] column = new long[cells];
        long[] label = new long[cells];
        for (int k = 0; k < cells; k++) {
            column[k] = table.segmentation(k);
            label[k] = table.groundTruth(k);
        }
        int[] order = PairOrder.sorted(column, label);
        columnStart = new int[fragmentCount + 2];
        gt = new long[cells];
        counts = new long[cells];
        totals = new long[fragmentCount + 1];
        for (int i = 0; i < cells; i++) {
            int k = order[i];
            int j = (int) column[k];
            gt[i] = label[k];
            counts[i] = table.count(k);
            columnStart[j + 1]++;
            totals[j] += counts[i];
        }
        for (int j = 0; j <= fragmentCount; j++) {
            columnStart[j + 1] += columnStart[j];
        }
    }

    public int fragments() {
        return fragments;
    }

    /** The scores of the fragments themselves, ready to follow merges. */
    public IncrementalScores start() {
        return new IncrementalScores(this);
    }

    TableSums sums() {
        return sums;
    }

    int columnStart(int column) {
        return columnStart[column];
    }

    int columnEnd(int column) {
        return columnStart[column + 1];
    }

    long groundTruth(int cell) {
        return gt[cell];
    }

    long count(int cell) {
        return counts[cell];
    }

    long[] totals() {
        return totals;
    }

    /** The count of (column, gt label) among the fragment's own cells, 0 if it has none. */
    long baseCount(int column, long label) {
        int lo = columnStart[column];
        int hi = columnStart[column + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (gt[mid] < label) {
                lo = mid + 1;
            } else if (gt[mid] > label) {
                hi = mid - 1;
            } else {
                return counts[mid];
            }
        }
        return 0;
    }
}
