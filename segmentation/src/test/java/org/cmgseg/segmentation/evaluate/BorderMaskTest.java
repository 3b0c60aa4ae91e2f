package org.cmgseg.segmentation.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.junit.jupiter.api.Test;

/** The border mask's window test and its distance-transform path against a brute-force search for the nearest border pixel. */
class BorderMaskTest {

    @Test
    void bothPathsEqualTheBruteForceMask() {
        VoxelGrid grid = VoxelGrid.ofShape(3, 37, 41);
        long[] labels = blobs(grid, 12, 7);
        // pixels: 0, 0.5, 1, 2.5, 6.25 (CREMI's 25 nm at 4 nm), 12.5, 31.99 (window); 32, 60 (distance transform)
        for (double thresholdNm : new double[] {0, 2, 4, 10, 25, 50, 127.96, 128, 240}) {
            long[] expected = bruteForce(labels, grid, thresholdNm / 4);
            assertArrayEquals(expected, BorderMask.apply(labels, grid, thresholdNm, 4, RunContext.of(2, Progress.NONE)), thresholdNm + " nm");
            long[] inPlace = labels.clone();
            BorderMask.applyInPlace(inPlace, grid, thresholdNm, 4, RunContext.of(3, Progress.NONE));
            assertArrayEquals(expected, inPlace, thresholdNm + " nm, in place");
        }
    }

    @Test
    void aSliceOfOneLabelHasNoBorder() {
        VoxelGrid grid = VoxelGrid.ofShape(2, 5, 6);
        long[] labels = new long[grid.arrayLength(1)];
        java.util.Arrays.fill(labels, 0, 30, 7);
        java.util.Arrays.fill(labels, 30, 60, 0);
        long[] masked = BorderMask.apply(labels, grid, 25, 4, RunContext.sequential());
        for (int v = 0; v < 60; v++) {
            assertEquals(v < 30 ? 8 : 1, masked[v]);
        }
    }

    @Test
    void theSquaredLimitIsTheOfficialSquareRootTest() {
        for (double d : new double[] {0, 0.5, 1, Math.sqrt(2), 6.25, Math.nextDown(7.0), 7, 31.99}) {
            int limit = BorderMask.squaredLimit(d);
            assertTrue(Math.sqrt(limit) <= d && Math.sqrt(limit + 1) > d, "limit " + limit + " for " + d);
        }
    }

    /** Labels of random discs painted over each other, so that borders run in every direction. */
    private static long[] blobs(VoxelGrid grid, int discs, long seed) {
        Random random = new Random(seed);
        long[] labels = new long[grid.arrayLength(1)];
        for (int z = 0; z < grid.sizeZ(); z++) {
            for (int k = 0; k < discs; k++) {
                int cx = random.nextInt(grid.sizeX());
                int cy = random.nextInt(grid.sizeY());
                int r = 2 + random.nextInt(12);
                long label = random.nextInt(5);
                for (int y = 0; y < grid.sizeY(); y++) {
                    for (int x = 0; x < grid.sizeX(); x++) {
                        if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) {
                            labels[grid.index(x, y, z)] = label;
                        }
                    }
                }
            }
        }
        return labels;
    }

    /** Label + 1, or 0 within maxDistance (Euclidean, in the slice) of a pixel with a 4-neighbour of another label. */
    private static long[] bruteForce(long[] labels, VoxelGrid grid, double maxDistance) {
        int sx = grid.sizeX();
        int sy = grid.sizeY();
        long[] out = new long[labels.length];
        for (int z = 0; z < grid.sizeZ(); z++) {
            boolean[] border = new boolean[sx * sy];
            for (int y = 0; y < sy; y++) {
                for (int x = 0; x < sx; x++) {
                    long l = labels[grid.index(x, y, z)];
                    border[y * sx + x] = (x > 0 && labels[grid.index(x - 1, y, z)] != l) || (x + 1 < sx && labels[grid.index(x + 1, y, z)] != l)
                            || (y > 0 && labels[grid.index(x, y - 1, z)] != l) || (y + 1 < sy && labels[grid.index(x, y + 1, z)] != l);
                }
            }
            for (int y = 0; y < sy; y++) {
                for (int x = 0; x < sx; x++) {
                    boolean near = false;
                    for (int b = 0; b < border.length && !near; b++) {
                        int dx = b % sx - x;
                        int dy = b / sx - y;
                        near = border[b] && Math.sqrt(dx * dx + dy * dy) <= maxDistance;
                    }
                    int v = grid.index(x, y, z);
                    out[v] = near ? 0 : labels[v] + 1;
                }
            }
        }
        return out;
    }
}
