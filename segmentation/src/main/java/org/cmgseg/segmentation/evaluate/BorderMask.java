package org.cmgseg.segmentation.evaluate;

import java.util.concurrent.atomic.AtomicLong;
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
     * Below this many pixels, the mask is the border bits dilated by a disc ({@link DiscDilation}), whose cost grows
     * with the distance; wider masks take the full distance transform, whose cost does not.
     */
    static final int WINDOW_PIXELS = 32;

    private BorderMask() {
    }

    public static long[] apply(long[] groundTruth, VoxelGrid grid, double thresholdNm, double resolutionY, RunContext context) {
        long[] out = new long[groundTruth.length];
        apply(groundTruth, out, grid, thresholdNm, resolutionY, context);
        return out;
    }

    /**
     * The same written over {@code labels} (each slice is read whole before it is written); returns the number of voxels
     * left labelled (not 0).
     */
    public static long applyInPlace(long[] labels, VoxelGrid grid, double thresholdNm, double resolutionY, RunContext context) {
        return apply(labels, labels, grid, thresholdNm, resolutionY, context);
    }

    /** The mask of {@code groundTruth} written into {@code out}; returns the number of voxels left labelled (not 0). */
    static long apply(long[] groundTruth, long[] out, VoxelGrid grid, double thresholdNm, double resolutionY, RunContext context) {
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
        // in voxels: the distance transform advances it three times per voxel, once per axis
        Task task = context.task("border mask", (window ? 1 : 3) * grid.voxels());
        RunContext perSlice = context.withThreads(1);
        AtomicLong labelled = new AtomicLong();
        context.forRange(grid.sizeZ(), 1, (zFrom, zTo) -> {
            long[] borders = new long[sy * SliceBorders.words(sx)];
            DiscDilation disc = window ? new DiscDilation(sx, sy, squaredLimit(maxDistance)) : null;
            long part = 0;
            for (int z = zFrom; z < zTo; z++) {
                int base = z * plane;
                SliceBorders.of(groundTruth, base, sx, sy, borders);
                long[] near = window ? disc.apply(borders) : withinDistance(borders, sx, sy, maxDistance, perSlice, task);
                int words = SliceBorders.words(sx);
                for (int y = 0; y < sy; y++) {
                    part += writeRow(groundTruth, out, base + y * sx, sx, near, y * words);
                }
                if (window) {
                    task.advance(plane);
                }
            }
            labelled.addAndGet(part);
        });
        return labelled.get();
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

    /** The pixels within {@code maxDistance} of a border pixel, as bits laid out as the borders, by the distance transform. */
    private static long[] withinDistance(long[] borders, int sx, int sy, double maxDistance, RunContext context, Task task) {
        int words = SliceBorders.words(sx);
        boolean[] inside = new boolean[sx * sy];
        for (int i = 0; i < inside.length; i++) {
            inside[i] = (borders[i / sx * words + (i % sx >>> 6)] >>> (i % sx) & 1) == 0;
        }
        int[] distances = EuclideanDistanceTransform.squared(inside, sx, sy, 1, context, task);
        long[] near = new long[borders.length];
        for (int i = 0; i < inside.length; i++) {
            if (distances[i] != EuclideanDistanceTransform.INFINITE && Math.sqrt(distances[i]) <= maxDistance) {
                near[i / sx * words + (i % sx >>> 6)] |= 1L << (i % sx);
            }
        }
        return near;
    }

    /** A row's labels + 1, or 0 where {@code near} has the pixel's bit (row bits from {@code near[at]}); returns how many are not 0. */
    private static long writeRow(long[] groundTruth, long[] out, int row, int sx, long[] near, int at) {
        long labelled = 0;
        for (int x0 = 0, k = at; x0 < sx; x0 += 64, k++) {
            long bits = near[k];
            for (int v = row + x0, end = v + Math.min(64, sx - x0); v < end; v++) {
                // all ones where the bit is clear, 0 where it is set
                long value = (groundTruth[v] + 1) & ((bits & 1) - 1);
                bits >>>= 1;
                out[v] = value;
                labelled += (value | -value) >>> 63;
            }
        }
        return labelled;
    }
}
