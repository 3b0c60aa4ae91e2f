package org.cmgseg.segmentation.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;

/**
 * The bit-parallel border mask equals, bit for bit, the row-window mask it replaced ({@link RowWindowMask}) on random
 * label slices of many shapes (rows across 64-pixel word boundaries included) and distances below the window limit, and
 * counts the voxels it leaves labelled.
 */
class DiscDilationTest {

    @Property(tries = 300)
    void theMaskEqualsTheRowWindowMask(@ForAll @IntRange(min = 1, max = 200) int sx, @ForAll @IntRange(min = 1, max = 60) int sy,
            @ForAll @IntRange(min = 1, max = 3) int sz, @ForAll @DoubleRange(min = 0, max = 32, maxIncluded = false) double pixels,
            @ForAll @IntRange(min = 1, max = 40) int pieces, @ForAll long seed) {
        long[] labels = pieces(sx, sy, sz, pieces, new SplittableRandom(seed));
        VoxelGrid grid = VoxelGrid.ofShape(sz, sy, sx);
        long[] expected = RowWindowMask.apply(labels, sx, sy, sz, pixels);
        // as thresholdNm / resolutionY: 4 nm pixels
        assertArrayEquals(expected, BorderMask.apply(labels, grid, pixels * 4, 4, RunContext.of(2, Progress.NONE)));
        long labelled = BorderMask.applyInPlace(labels, grid, pixels * 4, 4, RunContext.of(2, Progress.NONE));
        assertArrayEquals(expected, labels, "in place");
        assertEquals(Arrays.stream(expected).filter(label -> label != 0).count(), labelled, "voxels left labelled");
    }

    @Property(tries = 100)
    void exactSquaredDistancesAndTheirNeighbours(@ForAll @IntRange(min = 0, max = 1023) int limit, @ForAll @IntRange(min = 60, max = 140) int sx,
            @ForAll long seed) {
        double[] distances = {Math.sqrt(limit), Math.nextDown(Math.sqrt(limit)), Math.nextUp(Math.sqrt(limit))};
        long[] labels = pieces(sx, 50, 1, 12, new SplittableRandom(seed));
        for (double pixels : distances) {
            if (pixels >= 0 && pixels < BorderMask.WINDOW_PIXELS) {
                assertArrayEquals(RowWindowMask.apply(labels, sx, 50, 1, pixels),
                        BorderMask.apply(labels, VoxelGrid.ofShape(1, 50, sx), pixels, 1, RunContext.sequential()), pixels + " pixels");
            }
        }
    }

    @Example
    void halfWidthsAreTheLargestInsideTheDisc() {
        for (int limit = 0; limit < 2000; limit++) {
            for (int dy = 0; dy * dy <= limit; dy++) {
                int w = DiscDilation.halfWidth(limit, dy);
                assertTrue(w * w + dy * dy <= limit && (w + 1) * (w + 1) + dy * dy > limit, "limit " + limit + ", dy " + dy);
            }
        }
        assertEquals(6, DiscDilation.halfWidth(39, 1));
        assertEquals(1, DiscDilation.halfWidth(39, 6));
    }

    /**
     * Labels from a few labels' noise to a few large rectangles over one background: borders everywhere, along
     * straight edges (long runs in a row) and nowhere.
     */
    private static long[] pieces(int sx, int sy, int sz, int pieces, SplittableRandom random) {
        long[] labels = new long[sx * sy * sz];
        Arrays.fill(labels, random.nextLong(3));
        boolean noise = random.nextInt(4) == 0;
        for (int v = 0; noise && v < labels.length; v++) {
            labels[v] = random.nextInt(pieces + 1);
        }
        for (int k = 0; !noise && k < pieces; k++) {
            int z = random.nextInt(sz);
            int x0 = random.nextInt(sx);
            int y0 = random.nextInt(sy);
            int x1 = Math.min(sx, x0 + 1 + random.nextInt(sx));
            int y1 = Math.min(sy, y0 + 1 + random.nextInt(sy));
            // -1, the largest uint64, becomes 0 as the official code adds 1
            long label = random.nextBoolean() ? random.nextLong() : random.nextInt(4) - 1;
            for (int y = y0; y < y1; y++) {
                Arrays.fill(labels, (z * sy + y) * sx + x0, (z * sy + y) * sx + x1, label);
            }
        }
        return labels;
    }
}
