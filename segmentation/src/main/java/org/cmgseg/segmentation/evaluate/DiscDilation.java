package org.cmgseg.segmentation.evaluate;

import java.util.Arrays;

/**
 * The pixels of a slice within a squared Euclidean distance {@code limit} of a set pixel, on rows of bits laid out as
 * {@link SliceBorders} lays them out. The disc is the union, over row offsets dy, of horizontal runs of half-width
 * w(dy), the largest w with w^2 + dy^2 <= limit; so each row is widened by every w once (a word at a time) and a row
 * of the result is the OR of the rows dy away widened by w(dy): about 64 pixels per operation. One instance per
 * thread: it keeps its buffers.
 */
final class DiscDilation {

    private final int sy;
    private final int words;
    /** w(dy) for dy = 0 .. w(0). */
    private final int[] width;
    /** The rows widened by w, for the w that occur (null for the others). */
    private final long[][] widened;
    private final long[] row;
    private final long[] next;
    private final long[] out;

    DiscDilation(int sx, int sy, int limit) {
        this.sy = sy;
        this.words = SliceBorders.words(sx);
        int radius = halfWidth(limit, 0);
        width = new int[radius + 1];
        widened = new long[radius + 1][];
        for (int dy = 0; dy <= radius; dy++) {
            width[dy] = halfWidth(limit, dy);
            if (widened[width[dy]] == null) {
                widened[width[dy]] = new long[sy * words];
            }
        }
        row = new long[words];
        next = new long[words];
        out = new long[sy * words];
    }

    /** The largest w with w^2 + dy^2 <= limit (limit >= dy^2), in integers. */
    static int halfWidth(int limit, int dy) {
        long rest = limit - (long) dy * dy;
        long w = (long) Math.sqrt((double) rest);
        while (w * w > rest) {
            w--;
        }
        while ((w + 1) * (w + 1) <= rest) {
            w++;
        }
        return (int) w;
    }

    /** The pixels within the distance of a set pixel of {@code bits} ({@code sy} rows); the array is reused by the next call. */
    long[] apply(long[] bits) {
        widenRows(bits);
        int radius = width.length - 1;
        Arrays.fill(out, 0);
        for (int dy = -radius; dy <= radius; dy++) {
            long[] source = widened[width[Math.abs(dy)]];
            int yFrom = Math.max(0, -dy);
            int yTo = Math.min(sy, sy - dy);
            for (int i = yFrom * words, j = (yFrom + dy) * words, end = yTo * words; i < end; i++, j++) {
                out[i] |= source[j];
            }
        }
        return out;
    }

    /** Fills {@link #widened}: every row widened by one pixel a step, kept at each w that occurs. */
    private void widenRows(long[] bits) {
        for (int y = 0; y < sy; y++) {
            long[] current = row;
            long[] spare = next;
            System.arraycopy(bits, y * words, current, 0, words);
            for (int w = 0; w < widened.length; w++) {
                if (w > 0) {
                    widenByOne(current, spare);
                    long[] t = current;
                    current = spare;
                    spare = t;
                }
                if (widened[w] != null) {
                    System.arraycopy(current, 0, widened[w], y * words, words);
                }
            }
        }
    }

    /**
     * to = from with every set bit's neighbours set too. Bits past the row's end may become set: they widen the row as if
     * it went on without borders, which keeps its own pixels exact, and no pixel is written from them.
     */
    private void widenByOne(long[] from, long[] to) {
        long previous = 0;
        for (int k = 0; k < words; k++) {
            long word = from[k];
            long following = k + 1 < words ? from[k + 1] : 0;
            to[k] = word | word << 1 | previous >>> 63 | word >>> 1 | following << 63;
            previous = word;
        }
    }
}
