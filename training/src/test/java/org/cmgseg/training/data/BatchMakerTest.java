package org.cmgseg.training.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Normalisation, horizontal flips and shifts of the mini-batches; the synthetic set. */
class BatchMakerTest {

    private static ImageSet ramp() {
        // two 2-channel 4x10 images: channel 0 rises along x, channel 1 is constant per image
        int h = 4;
        int w = 10;
        byte[] pixels = new byte[2 * 2 * h * w];
        for (int i = 0; i < 2; i++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    pixels[((i * 2) * h + y) * w + x] = (byte) (10 * x);
                    pixels[((i * 2 + 1) * h + y) * w + x] = (byte) (100 + 50 * i);
                }
            }
        }
        return new ImageSet(pixels, new int[] {0, 1}, 2, h, w, 2);
    }

    @Test
    void normalisedChannelsHaveZeroMeanAndUnitVariance() {
        ImageSet images = ramp();
        Batch batch = new BatchMaker(images, ChannelStatistics.of(images)).make(new int[] {0, 1}, 0, 2, null);
        for (int ch = 0; ch < 2; ch++) {
            double sum = 0;
            double squares = 0;
            int n = 0;
            for (int i = 0; i < 2; i++) {
                for (int p = 0; p < 40; p++) {
                    double v = batch.images()[(i * 2 + ch) * 40 + p];
                    sum += v;
                    squares += v * v;
                    n++;
                }
            }
            assertEquals(0, sum / n, 1e-6, "mean of channel " + ch);
            assertEquals(1, squares / n, 1e-6, "variance of channel " + ch);
        }
        assertArrayEquals(new int[] {0, 1}, batch.labels());
    }

    @Test
    void augmentationFlipsAndShiftsWithinTenPercent() {
        ImageSet images = ramp();
        ChannelStatistics statistics = ChannelStatistics.of(images);
        BatchMaker maker = new BatchMaker(images, statistics);
        float[] plain = maker.make(new int[] {0}, 0, 1, null).images();
        boolean sawFlip = false;
        boolean sawShift = false;
        Random random = new Random(1);
        for (int trial = 0; trial < 40; trial++) {
            float[] augmented = maker.make(new int[] {0}, 0, 1, random).images();
            // row 1, channel 0: a ramp along x, reversed if flipped, moved by at most one pixel (10 % of 10)
            float[] row = java.util.Arrays.copyOfRange(augmented, 10, 20);
            int matches = -1;
            for (int flip = 0; flip < 2 && matches < 0; flip++) {
                for (int shift = -1; shift <= 1; shift++) {
                    if (rowMatches(row, plain, flip == 1, shift)) {
                        matches = shift;
                        sawFlip |= flip == 1;
                        sawShift |= shift != 0;
                        break;
                    }
                }
            }
            assertTrue(matches >= -1, "trial " + trial + ": not a flip and shift of the image within 10 %");
        }
        assertTrue(sawFlip && sawShift);
    }

    /** Channel 0 of both ramp images is the same picture: a shared flip and shift keeps it so, separate ones do not always. */
    @Test
    void perBatchAugmentationMovesEveryImageOfTheBatchAlike() {
        ImageSet images = ramp();
        BatchMaker maker = new BatchMaker(images, ChannelStatistics.of(images));
        float[] plain = maker.make(new int[] {0, 1}, 0, 2, null).images();
        Random random = new Random(2);
        boolean sawChange = false;
        boolean sawImagesDiffer = false;
        for (int trial = 0; trial < 40; trial++) {
            float[] shared = maker.make(new int[] {0, 1}, 0, 2, random, Augmentation.PER_BATCH).images();
            assertArrayEquals(java.util.Arrays.copyOfRange(shared, 0, 40), java.util.Arrays.copyOfRange(shared, 80, 120),
                    "trial " + trial);
            sawChange |= !java.util.Arrays.equals(plain, shared);
            float[] separate = maker.make(new int[] {0, 1}, 0, 2, random, Augmentation.PER_IMAGE).images();
            sawImagesDiffer |= !java.util.Arrays.equals(java.util.Arrays.copyOfRange(separate, 0, 40),
                    java.util.Arrays.copyOfRange(separate, 80, 120));
        }
        assertTrue(sawChange, "the batch was augmented");
        assertTrue(sawImagesDiffer, "per image, the draws differ");
    }

    private static boolean rowMatches(float[] row, float[] plain, boolean flip, int shift) {
        for (int x = 0; x < 10; x++) {
            int source = (flip ? 9 - x : x) - shift;
            float expected = source >= 0 && source < 10 ? plain[10 + source] : 0f;
            if (row[x] != expected) {
                return false;
            }
        }
        return true;
    }

    @Test
    void syntheticImagesAreDeterministicAndUseEveryClass() {
        ImageDataset a = SyntheticImages.generate(4, 1, 8, 60, 20, 1);
        ImageDataset b = SyntheticImages.generate(4, 1, 8, 60, 20, 1);
        assertArrayEquals(a.train().pixels(), b.train().pixels());
        assertArrayEquals(a.test().labels(), b.test().labels());
        assertNotEquals(java.util.Arrays.hashCode(a.train().pixels()), java.util.Arrays.hashCode(a.test().pixels()));
        boolean[] seen = new boolean[4];
        for (int label : a.train().labels()) {
            seen[label] = true;
        }
        assertArrayEquals(new boolean[] {true, true, true, true}, seen);
        ImageDataset standard = SyntheticImages.standard();
        assertEquals(3, standard.train().channels());
        assertEquals(32, standard.train().width());
        assertEquals(10, standard.classes());
    }
}
