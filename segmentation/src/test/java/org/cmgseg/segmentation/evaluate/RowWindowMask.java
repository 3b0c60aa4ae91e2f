package org.cmgseg.segmentation.evaluate;

import java.util.Arrays;

/**
 * The oracle for {@link BorderMask} below {@link BorderMask#WINDOW_PIXELS}: its previous implementation, pixel by pixel.
 * Per slice, borders as booleans, each pixel's squared distance to the nearest border in its row, then the minimum of
 * that plus dy^2 over the rows dy away, for every dy^2 up to the squared limit.
 */
final class RowWindowMask {

    private RowWindowMask() {
    }

    static long[] apply(long[] labels, int sx, int sy, int sz, double maxDistance) {
        int plane = sx * sy;
        int limit = BorderMask.squaredLimit(maxDistance);
        long[] out = new long[labels.length];
        boolean[] border = new boolean[plane];
        int[] squared = new int[plane];
        int[] nearest = new int[sx];
        for (int z = 0; z < sz; z++) {
            int base = z * plane;
            borders(labels, base, sx, sy, border);
            rowDistances(border, sx, sy, (int) Math.sqrt(limit) + 1, squared);
            for (int y = 0; y < sy; y++) {
                nearestInWindow(squared, sx, sy, y, limit, nearest);
                for (int x = 0, v = base + y * sx; x < sx; x++, v++) {
                    out[v] = nearest[x] <= limit ? 0 : labels[v] + 1;
                }
            }
        }
        return out;
    }

    private static void borders(long[] labels, int base, int sx, int sy, boolean[] border) {
        Arrays.fill(border, false);
        for (int y = 0; y < sy; y++) {
            int row = base + y * sx;
            for (int x = 0; x + 1 < sx; x++) {
                if (labels[row + x] != labels[row + x + 1]) {
                    border[y * sx + x] = true;
                    border[y * sx + x + 1] = true;
                }
            }
            if (y + 1 < sy) {
                for (int x = 0; x < sx; x++) {
                    if (labels[row + x] != labels[row + sx + x]) {
                        border[y * sx + x] = true;
                        border[(y + 1) * sx + x] = true;
                    }
                }
            }
        }
    }

    /** Per pixel, the squared distance to the nearest border pixel in its row, or {@code beyond^2} if that is beyond - 1 or none. */
    private static void rowDistances(boolean[] border, int sx, int sy, int beyond, int[] squared) {
        for (int y = 0; y < sy; y++) {
            int row = y * sx;
            int d = beyond;
            for (int x = 0; x < sx; x++) {
                d = border[row + x] ? 0 : Math.min(d + 1, beyond);
                squared[row + x] = d;
            }
            d = beyond;
            for (int x = sx - 1; x >= 0; x--) {
                d = border[row + x] ? 0 : Math.min(d + 1, beyond);
                int m = Math.min(d, squared[row + x]);
                squared[row + x] = m * m;
            }
        }
    }

    /** Per pixel of row y, the squared distance to the nearest border pixel within rows y +- sqrt(limit) (or more than limit). */
    private static void nearestInWindow(int[] squared, int sx, int sy, int y, int limit, int[] nearest) {
        System.arraycopy(squared, y * sx, nearest, 0, sx);
        for (int dy = 1; dy * dy <= limit; dy++) {
            int dd = dy * dy;
            if (y - dy >= 0) {
                int row = (y - dy) * sx;
                for (int x = 0; x < sx; x++) {
                    nearest[x] = Math.min(nearest[x], squared[row + x] + dd);
                }
            }
            if (y + dy < sy) {
                int row = (y + dy) * sx;
                for (int x = 0; x < sx; x++) {
                    nearest[x] = Math.min(nearest[x], squared[row + x] + dd);
                }
            }
        }
    }
}
