package org.cmgseg.segmentation.evaluate;

import java.util.Arrays;

/**
 * The border pixels of one z-slice of labels as bits: a pixel is on a border if one of its 4 neighbours in the
 * slice carries another label (the image edge is no border). Row y is {@code words} longs from {@code y * words},
 * bit {@code x % 64} of word {@code x / 64} is pixel x, bits past the row's end are 0.
 */
final class SliceBorders {

    private SliceBorders() {
    }

    static int words(int sx) {
        return (sx + 63) >>> 6;
    }

    /** Writes the borders of the slice that starts at {@code base} into {@code bits} ({@code sy * words(sx)} longs). */
    static void of(long[] labels, int base, int sx, int sy, long[] bits) {
        int words = words(sx);
        Arrays.fill(bits, 0, sy * words, 0);
        for (int y = 0; y + 1 < sy; y++) {
            rowAndBelow(labels, base + y * sx, sx, bits, y * words);
        }
        lastRow(labels, base + (sy - 1) * sx, sx, bits, (sy - 1) * words);
    }

    /**
     * Marks the pixels of a row (from {@code labels[row]}, bits from {@code bits[out]}) that differ from their right
     * neighbour or from the pixel below, and those neighbours (the ones below in the next row of bits).
     */
    private static void rowAndBelow(long[] labels, int row, int sx, long[] bits, int out) {
        int words = words(sx);
        for (int k = 0, x0 = 0; k < words; k++, x0 += 64) {
            int n = Math.min(64, sx - x0);
            int p = row + x0;
            // the bits enter at the top, so that every shift is by a constant; the last shift puts bit i at pixel x0 + i
            long right = 0;
            long down = 0;
            for (int i = 0; i < n; i++) {
                long label = labels[p + i];
                right = right >>> 1 | differ(label, labels[p + i + 1]);
                down = down >>> 1 | differ(label, labels[p + sx + i]);
            }
            down >>>= 64 - n;
            bits[out + k] |= down;
            bits[out + words + k] |= down;
            right >>>= 64 - n;
            if (x0 + n == sx) {
                // pixel sx - 1 was compared with the first of the next row
                right &= ~(1L << (n - 1));
            }
            markRight(bits, out, k, words, right);
        }
    }

    /** The same for the slice's last row, which has no row below. */
    private static void lastRow(long[] labels, int row, int sx, long[] bits, int out) {
        int words = words(sx);
        for (int k = 0, x0 = 0; k < words; k++, x0 += 64) {
            int compared = Math.min(64, sx - 1 - x0);
            long right = 0;
            for (int i = 0; i < compared; i++) {
                right = right >>> 1 | differ(labels[row + x0 + i], labels[row + x0 + i + 1]);
            }
            markRight(bits, out, k, words, compared == 0 ? 0 : right >>> (64 - compared));
        }
    }

    /** Marks, in word k of a row of bits, the pixels set in {@code right} and their right neighbours. */
    private static void markRight(long[] bits, int out, int k, int words, long right) {
        bits[out + k] |= right | right << 1;
        if (k + 1 < words) {
            bits[out + k + 1] |= right >>> 63;
        }
    }

    /** The top bit if a and b differ, else 0 (without a branch: most pixels equal their neighbours, but not predictably). */
    private static long differ(long a, long b) {
        long d = a ^ b;
        return (d | -d) & Long.MIN_VALUE;
    }
}
