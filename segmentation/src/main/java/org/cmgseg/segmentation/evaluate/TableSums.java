package org.cmgseg.segmentation.evaluate;

import java.util.Arrays;

/**
 * The sums every metric is a formula of, taken in one pass over a contingency table (the voxels
 * whose ground truth is not 0) (rows i, columns j, cells c_ij; row totals r_i, column totals q_j):
 * entropy terms {@code sum x log2 x} and sums of squares, which are exact (longs).
 */
record TableSums(long voxels, long labelled, double cellEntropy, double rowEntropy, double columnEntropy,
                 long cellSquares, long cellSquaresSegmented, long rowSquares, long columnSquares, long columnSquaresSegmented,
                 long unsegmented) {

    private static final double LN2 = Math.log(2);

    static TableSums of(ContingencyTable t) {
        long labelled = 0;
        double cellEntropy = 0;
        double rowEntropy = 0;
        long cellSquares = 0;
        long cellSquaresSegmented = 0;
        long rowSquares = 0;
        long unsegmented = 0;
        long row = 0;
        int n = 0;
        long[] columnLabels = new long[t.pairs()];
        long[] columnCounts = new long[t.pairs()];
        for (int k = 0; k < t.pairs(); k++) {
            long c = t.count(k);
            labelled += c;
            cellEntropy += xlog2x(c);
            cellSquares += c * c;
            if (t.segmentation(k) == 0) {
                unsegmented += c;
            } else {
                cellSquaresSegmented += c * c;
            }
            row += c;
            if (k + 1 == t.pairs() || t.groundTruth(k + 1) != t.groundTruth(k)) {
                rowEntropy += xlog2x(row);
                rowSquares += row * row;
                row = 0;
            }
            columnLabels[n] = t.segmentation(k);
            columnCounts[n++] = c;
        }
        // column totals, summed in segmentation-label order so that the result does not depend on how the table was built
        int[] order = PairOrder.sorted(Arrays.copyOf(columnLabels, n), new long[n]);
        double columnEntropy = 0;
        long columnSquares = 0;
        long columnSquaresSegmented = 0;
        long column = 0;
        for (int i = 0; i < n; i++) {
            column += columnCounts[order[i]];
            long label = columnLabels[order[i]];
            if (i + 1 == n || columnLabels[order[i + 1]] != label) {
                columnEntropy += xlog2x(column);
                columnSquares += column * column;
                columnSquaresSegmented += label == 0 ? 0 : column * column;
                column = 0;
            }
        }
        return new TableSums(t.voxels(), labelled, cellEntropy, rowEntropy, columnEntropy, cellSquares, cellSquaresSegmented,
                rowSquares, columnSquares, columnSquaresSegmented, unsegmented);
    }

    static double xlog2x(long x) {
        return x == 0 ? 0 : x * (Math.log(x) / LN2);
    }

    /** H(seg | gt) in bits, over labelled voxels. */
    double voiSplit() {
        return labelled == 0 ? 0 : (rowEntropy - cellEntropy) / labelled;
    }

    /** H(gt | seg) in bits, over labelled voxels. */
    double voiMerge() {
        return labelled == 0 ? 0 : (columnEntropy - cellEntropy) / labelled;
    }
}
