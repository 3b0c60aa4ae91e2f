package org.cmgseg.segmentation.fragments;

import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;

/**
 * The exact squared Euclidean distance transform of a mask in 1, 2 or 3 dimensions (unit spacing):
 * for every voxel, the squared distance to the nearest voxel outside the mask (0 outside it).
 * Separable, one axis after the other, each line by the lower envelope of parabolas in integer
 * arithmetic (Meijster, Roerdink and Hesselink 2000), so no distance is ever rounded.
 */
public final class EuclideanDistanceTransform {

    /** The distance of voxels when nothing lies outside the mask. */
    public static final int INFINITE = Integer.MAX_VALUE;

    private EuclideanDistanceTransform() {
    }

    /** The mask is flat, x fastest: {@code mask[(z * sy + y) * sx + x]}. Advances {@code progress} by three times the voxels. */
    public static int[] squared(boolean[] mask, int sx, int sy, int sz, RunContext context, Task progress) {
        long largest = (long) (sx - 1) * (sx - 1) + (long) (sy - 1) * (sy - 1) + (long) (sz - 1) * (sz - 1);
        if (largest >= INFINITE) {
            throw new IllegalArgumentException("squared distances in a volume of " + sx + " x " + sy + " x " + sz
                    + " voxels exceed 32 bits");
        }
        int[] d = new int[mask.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = mask[i] ? INFINITE : 0;
        }
        AxisLines.everyAxis(d, sx, sy, sz, context, progress, n -> {
            int[] sites = new int[n];
            int[] starts = new int[n];
            return (g, out) -> line(g, out, n, sites, starts);
        });
        return d;
    }

    /** out[i] = min over j of (i - j)^2 + g[j], ignoring infinite g[j]; false (out untouched) if all are infinite. */
    static boolean line(long[] g, long[] out, int n, int[] sites, int[] starts) {
        int q = -1;
        for (int u = 0; u < n; u++) {
            if (g[u] == INFINITE) {
                continue;
            }
            while (q >= 0 && parabola(g, starts[q], sites[q]) > parabola(g, starts[q], u)) {
                q--;
            }
            if (q < 0) {
                q = 0;
                sites[0] = u;
                starts[0] = 0;
            } else {
                long w = 1 + separation(g, sites[q], u);
                if (w < n) {
                    q++;
                    sites[q] = u;
                    starts[q] = (int) w;
                }
            }
        }
        if (q < 0) {
            return false;
        }
        for (int x = n - 1; x >= 0; x--) {
            out[x] = parabola(g, x, sites[q]);
            if (x == starts[q]) {
                q--;
            }
        }
        return true;
    }

    private static long parabola(long[] g, int x, int site) {
        long dx = x - site;
        return dx * dx + g[site];
    }

    /** The last x at which the parabola of site i is at most that of site u > i. */
    private static long separation(long[] g, int i, int u) {
        return Math.floorDiv((long) u * u - (long) i * i + g[u] - g[i], 2L * (u - i));
    }
}
