package org.cmgseg.segmentation.fragments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.junit.jupiter.api.Test;

/** The exact distance transform against brute force. */
class EuclideanDistanceTransformTest {

    /** The squared distance from every voxel to the nearest voxel outside the mask, by trying them all. */
    static int[] bruteForce(boolean[] mask, int sx, int sy, int sz) {
        int[] d = new int[mask.length];
        for (int v = 0; v < mask.length; v++) {
            long best = mask[v] ? EuclideanDistanceTransform.INFINITE : 0;
            for (int w = 0; w < mask.length && best > 0; w++) {
                if (!mask[w]) {
                    long dx = v % sx - w % sx;
                    long dy = v / sx % sy - w / sx % sy;
                    long dz = v / (sx * sy) - w / (sx * sy);
                    best = Math.min(best, dx * dx + dy * dy + dz * dz);
                }
            }
            d[v] = (int) best;
        }
        return d;
    }

    static boolean[] randomMask(Random random, int n, double inside) {
        boolean[] mask = new boolean[n];
        for (int i = 0; i < n; i++) {
            mask[i] = random.nextDouble() < inside;
        }
        return mask;
    }

    @Property(tries = 300)
    void matchesBruteForce(@ForAll long seed, @ForAll @IntRange(min = 1, max = 9) int sx, @ForAll @IntRange(min = 1, max = 8) int sy,
            @ForAll @IntRange(min = 1, max = 6) int sz, @ForAll @IntRange(min = 0, max = 100) int percentInside,
            @ForAll @IntRange(min = 1, max = 3) int threads) {
        boolean[] mask = randomMask(new Random(seed), sx * sy * sz, percentInside / 100.0);
        assertArrayEquals(bruteForce(mask, sx, sy, sz), squared(mask, sx, sy, sz, threads));
    }

    @Test
    void aLongLineAndALargeImage() {
        Random random = new Random(3);
        boolean[] line = randomMask(random, 300, 0.97);
        assertArrayEquals(bruteForce(line, 300, 1, 1), squared(line, 300, 1, 1, 1));
        boolean[] image = randomMask(random, 60 * 50, 0.995);
        assertArrayEquals(bruteForce(image, 60, 50, 1), squared(image, 60, 50, 1, 2));
    }

    @Test
    void nothingOutsideTheMaskIsInfinitelyFar() {
        boolean[] mask = {true, true, true, true};
        int[] d = squared(mask, 2, 2, 1, 1);
        for (int v : d) {
            assertEquals(EuclideanDistanceTransform.INFINITE, v);
        }
    }

    private static int[] squared(boolean[] mask, int sx, int sy, int sz, int threads) {
        RunContext context = RunContext.of(threads, Progress.NONE);
        return EuclideanDistanceTransform.squared(mask, sx, sy, sz, context, context.task("distance transform", 3L * mask.length));
    }
}
