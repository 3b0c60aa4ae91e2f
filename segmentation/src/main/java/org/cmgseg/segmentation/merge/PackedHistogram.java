package org.cmgseg.segmentation.merge;

import java.util.Arrays;

/**
 * Histograms as int arrays, in one of two forms told apart by element 0: sparse,
 * {@code [m, bin_1, count_1, ..., bin_m, count_m, (spare capacity)]} with bins ascending, or dense,
 * {@code [DENSE, count of bin 0, ..., count of bin (bins - 1)]}. A histogram turns dense once its
 * sparse form would be larger. Counts are exact or fail loudly (never wrap).
 */
final class PackedHistogram {

    static final int DENSE = -1;

    private PackedHistogram() {
    }

    static int[] of(int bin, int count) {
        return count == 0 ? new int[] {0} : new int[] {1, bin, count};
    }

    /** Adds {@code count} to a bin; returns the histogram, which may be a new array. */
    static int[] add(int[] histogram, int bin, int count, int bins) {
        if (histogram[0] == DENSE) {
            histogram[1 + bin] = Math.addExact(histogram[1 + bin], count);
            return histogram;
        }
        int m = histogram[0];
        int lo = 0;
        int hi = m - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int b = histogram[1 + 2 * mid];
            if (b < bin) {
                lo = mid + 1;
            } else if (b > bin) {
                hi = mid - 1;
            } else {
                histogram[2 + 2 * mid] = Math.addExact(histogram[2 + 2 * mid], count);
                return histogram;
            }
        }
        if (m + 1 > bins / 2) {
            return add(dense(histogram, bins), bin, count, bins);
        }
        int[] out = histogram.length >= 3 + 2 * m ? histogram
                : Arrays.copyOf(histogram, Math.min(1 + 2 * (bins / 2), 1 + 2 * Math.max(2 * m, 2)));
        System.arraycopy(out, 1 + 2 * lo, out, 3 + 2 * lo, 2 * (m - lo));
        out[1 + 2 * lo] = bin;
        out[2 + 2 * lo] = count;
        out[0] = m + 1;
        return out;
    }

    /** The sum of two histograms; may reuse (and so change) {@code a}. */
    static int[] sum(int[] a, int[] b, int bins) {
        if (a[0] == DENSE || b[0] == DENSE) {
            int[] dense = a[0] == DENSE ? a : dense(a, bins);
            if (b[0] == DENSE) {
                for (int i = 1; i <= bins; i++) {
                    dense[i] = Math.addExact(dense[i], b[i]);
                }
            } else {
                for (int p = 0; p < b[0]; p++) {
                    dense[1 + b[1 + 2 * p]] = Math.addExact(dense[1 + b[1 + 2 * p]], b[2 + 2 * p]);
                }
            }
            return dense;
        }
        int ma = a[0];
        int mb = b[0];
        int[] out = new int[1 + 2 * (ma + mb)];
        int i = 0;
        int j = 0;
        int m = 0;
        while (i < ma || j < mb) {
            int binA = i < ma ? a[1 + 2 * i] : Integer.MAX_VALUE;
            int binB = j < mb ? b[1 + 2 * j] : Integer.MAX_VALUE;
            int bin = Math.min(binA, binB);
            int count = 0;
            if (binA == bin) {
                count = a[2 + 2 * i++];
            }
            if (binB == bin) {
                count = Math.addExact(count, b[2 + 2 * j++]);
            }
            out[1 + 2 * m] = bin;
            out[2 + 2 * m] = count;
            m++;
        }
        out[0] = m;
        return m > bins / 2 ? dense(out, bins) : out;
    }

    static long total(int[] histogram) {
        long total = 0;
        if (histogram[0] == DENSE) {
            for (int i = 1; i < histogram.length; i++) {
                total += histogram[i];
            }
        } else {
            for (int p = 0; p < histogram[0]; p++) {
                total += histogram[2 + 2 * p];
            }
        }
        return total;
    }

    /** The bin holding the value of 0-based rank {@code rank}. */
    static int binOfRank(int[] histogram, long rank, int bins) {
        long seen = 0;
        if (histogram[0] == DENSE) {
            for (int bin = 0; bin < bins; bin++) {
                seen += histogram[1 + bin];
                if (seen > rank) {
                    return bin;
                }
            }
        } else {
            for (int p = 0; p < histogram[0]; p++) {
                seen += histogram[2 + 2 * p];
                if (seen > rank) {
                    return histogram[1 + 2 * p];
                }
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond a histogram of " + seen + " values");
    }

    private static int[] dense(int[] sparse, int bins) {
        int[] dense = new int[1 + bins];
        dense[0] = DENSE;
        for (int p = 0; p < sparse[0]; p++) {
            dense[1 + sparse[1 + 2 * p]] = sparse[2 + 2 * p];
        }
        return dense;
    }
}
