package org.cmgseg.segmentation.evaluate;

import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.fragments.EuclideanDistanceTransform;

/**
 * The CREMI border mask, as the official code builds it: in every z-slice, a pixel is on a border if
 * one of its 4 neighbours in the slice carries another label (the image edge is no border); pixels
 * within {@code threshold / resolution_y} pixels (Euclidean) of a border are ignored. Like the
 * official {@code NeuronIds}, the result adds 1 to every label and gives the ignored voxels 0, so an
 * original label 0 becomes an ordinary label 1.
 */
public final class BorderMask {

    /**
     * Up to this many pixels, "within the distance of a border" is decided in a window of rows around
     * each pixel; wider masks take the full distance transform, whose cost does not grow with the distance.
     */
    static final int WINDOW_PIXELS = 32;

    private BorderMask() {
    }

    public static long[] apply(long[] groundTruth, VoxelGrid grid, double thresholdNm, double resolutionY, RunContext context) {
        long[] out = new long[groundTruth.length];
        apply(groundTruth, out, grid, thresholdNm, resolutionY, context);
        return out;
    }

    /** The same written over {@code labels} (each slice is read whole before it is written). */
    public static void applyInPlace(long[] labels, VoxelGrid grid, double thresholdNm, double resolutionY, RunContext context) {
        apply(labels, labels, grid, thresholdNm, resolutionY, context);
    }

    private static void apply(long[] groundTruth, long[] out, VoxelGrid grid, double thresholdNm, double resolutionY, RunContext context) {
        if (!(thresholdNm >= 0) || !(resolutionY > 0)) {
            throw new IllegalArgumentException("the border threshold must be >= 0 nm and the y resolution > 0, got " + thresholdNm
                    + " and " + resolutionY);
        }
        grid.requireLength(groundTruth.length, 1, "the ground truth");
        double maxDistance = thresholdNm / resolutionY;
        int sx = grid.sizeX();
        int sy = grid.sizeY();
        int plane = sx * sy;
        boolean window = maxDistance < WINDOW_PIXELS;
        int limit = window ? squaredLimit(maxDistance) : 0;
        // in voxels: the distance transform advances it three times per voxel, once per axis
        Task task = context.task("border mask", (window ? 1 : 3) * grid.voxels());
        RunContext perSlice = context.withThreads(1);
        context.forRange(grid.sizeZ(), 1, (zFrom, zTo) -> {
            boolean[] border = new boolean[plane];
            int[] squared = window ? new int[plane] : null;
            int[] nearest = window ? new int[sx] : null;
            for (int z = zFrom; z < zTo; z++) {
                int base = z * plane;
                borders(groundTruth, base, sx, sy, border);
                if (window) {
                    rowDistances(border, sx, sy, (int) Math.sqrt(limit) + 1, squared);
                    for (int y = 0; y < sy; y++) {
                        nearestInWindow(squared, sx, sy, y, limit, nearest);
                        for (int x = 0, v = base + y * sx; x < sx; x++, v++) {
                            out[v] = nearest[x] <= limit ? 0 : groundTruth[v] + 1;
                        }
                    }
                    task.advance(plane);
                } else {
                    for (int i = 0; i < plane; i++) {
                        border[i] = !border[i];
                    }
                    int[] distances = EuclideanDistanceTransform.squared(border, sx, sy, 1, perSlice, task);
                    for (int i = 0; i < plane; i++) {
                        boolean near = distances[i] != EuclideanDistanceTransform.INFINITE && Math.sqrt(distances[i]) <= maxDistance;
                        out[base + i] = near ? 0 : groundTruth[base + i] + 1;
                    }
                }
            }
        });
    }

    /** The largest squared pixel distance s with {@code sqrt(s) <= maxDistance}, the official code's test (maxDistance < 2^15). */
    static int squaredLimit(double maxDistance) {
        int s = (int) Math.floor(maxDistance * maxDistance);
        while (Math.sqrt(s + 1) <= maxDistance) {
            s++;
        }
        while (s >= 0 && Math.sqrt(s) > maxDistance) {
            s--;
        }
        return s;
    }

    /** Marks the pixels of one slice that differ from a 4-neighbour in the slice. */
    private static void borders(long[] labels, int base, int sx, int sy, boolean[] border) {
        java.util.Arrays.fill(border, false);
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
