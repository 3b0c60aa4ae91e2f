package org.cmgseg.segmentation.evaluate;

import org.cmgseg.core.Task;
import org.cmgseg.core.RunContext;
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

    private BorderMask() {
    }

    public static long[] apply(long[] groundTruth, VoxelGrid grid, double thresholdNm, double resolutionY, RunContext context) {
        if (!(thresholdNm >= 0) || !(resolutionY > 0)) {
            throw new IllegalArgumentException("the border threshold must be >= 0 nm and the y resolution > 0, got " + thresholdNm
                    + " and " + resolutionY);
        }
        grid.requireLength(groundTruth.length, 1, "the ground truth");
        double maxDistance = thresholdNm / resolutionY;
        int sx = grid.sizeX();
        int sy = grid.sizeY();
        int plane = sx * sy;
        long[] out = new long[groundTruth.length];
        Task task = context.task("border mask", 3 * grid.voxels());
        RunContext perSlice = context.withThreads(1);
        context.forRange(grid.sizeZ(), 1, (zFrom, zTo) -> {
            boolean[] inside = new boolean[plane];
            for (int z = zFrom; z < zTo; z++) {
                int base = z * plane;
                for (int y = 0; y < sy; y++) {
                    for (int x = 0; x < sx; x++) {
                        int v = base + y * sx + x;
                        long label = groundTruth[v];
                        inside[y * sx + x] = (x == 0 || groundTruth[v - 1] == label) && (x == sx - 1 || groundTruth[v + 1] == label)
                                && (y == 0 || groundTruth[v - sx] == label) && (y == sy - 1 || groundTruth[v + sx] == label);
                    }
                }
                int[] squared = EuclideanDistanceTransform.squared(inside, sx, sy, 1, perSlice, task);
                for (int i = 0; i < plane; i++) {
                    boolean near = squared[i] != EuclideanDistanceTransform.INFINITE && Math.sqrt(squared[i]) <= maxDistance;
                    out[base + i] = near ? 0 : groundTruth[base + i] + 1;
                }
            }
        });
        return out;
    }
}
