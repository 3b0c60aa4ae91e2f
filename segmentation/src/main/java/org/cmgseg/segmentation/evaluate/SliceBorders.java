package org.cmgseg.segmentation.evaluate;

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
        java.util.Arrays.fill(bits, 0, sy * words, 0);
        for (int y = 0; y < sy; y++) {
            int row = base + y * sx;
            int out = y * words;
            // pixel x differs from x + 1: both are borders
            for (int k = 0, x0 = 0; k < words; k++, x0 += 64) {
                long differs = differences(labels, row + x0, row + x0 + 1, Math.min(64, sx - 1 - x0));
                bits[out + k] |= differs | differs << 1;
                if (k + 1 < words) {
                    bits[out + k + 1] |= differs >>> 63;
                }
            }
            if (y + 1 < sy) {
                for (int k = 0, x0 = 0; k < words; k++, x0 += 64) {
                    long differs = differences(labels, row + x0, row + sx + x0, Math.min(64, sx - x0));
                    bits[out + k] |= differs;
                    bits[out + words + k] |= differs;
                }
            }
        }
    }

    /** Bit i set where {@code labels[a + i] != labels[b + i]}, for i below n (none if n <= 0). */
    private static long differences(long[] labels, int a, int b, int n) {
        long bits = 0;
        for (int i = 0; i < n; i++) {
            bits |= (labels[a + i] != labels[b + i] ? 1L : 0L) << i;
        }
        return bits;
    }
}
