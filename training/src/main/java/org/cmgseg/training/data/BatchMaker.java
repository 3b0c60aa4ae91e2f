package org.cmgseg.training.data;

import java.util.Random;

/**
 * Cuts an image set into normalised mini-batches, optionally augmented as in the LEAF experiments:
 * a horizontal flip with probability 1/2 and a shift by up to 10 % of the width and height, the
 * uncovered border filled with the channel mean (0 after normalisation); see {@link Augmentation}.
 */
public final class BatchMaker {

    private static final double SHIFT_FRACTION = 0.1;

    private final ImageSet images;
    private final ChannelStatistics statistics;

    public BatchMaker(ImageSet images, ChannelStatistics statistics) {
        this.images = images;
        this.statistics = statistics;
    }

    public ImageSet images() {
        return images;
    }

    /** The images {@code order[from..to)}; augmented image by image when {@code augmentation} is not null. */
    public Batch make(int[] order, int from, int to, Random augmentation) {
        return make(order, from, to, augmentation, augmentation == null ? Augmentation.NONE : Augmentation.PER_IMAGE);
    }

    /** The images {@code order[from..to)}, augmented as {@code mode} says with draws from {@code random}. */
    public Batch make(int[] order, int from, int to, Random random, Augmentation mode) {
        int channels = images.channels();
        int height = images.height();
        int width = images.width();
        int size = images.imageSize();
        int count = to - from;
        float[] data = new float[count * size];
        int[] labels = new int[count];
        int maxShiftX = (int) Math.round(SHIFT_FRACTION * width);
        int maxShiftY = (int) Math.round(SHIFT_FRACTION * height);
        boolean flip = false;
        int shiftX = 0;
        int shiftY = 0;
        for (int b = 0; b < count; b++) {
            int image = order[from + b];
            labels[b] = images.labels()[image];
            if (mode == Augmentation.PER_IMAGE || mode == Augmentation.PER_BATCH && b == 0) {
                flip = random.nextBoolean();
                shiftX = random.nextInt(2 * maxShiftX + 1) - maxShiftX;
                shiftY = random.nextInt(2 * maxShiftY + 1) - maxShiftY;
            }
            for (int ch = 0; ch < channels; ch++) {
                for (int y = 0; y < height; y++) {
                    int sourceY = y - shiftY;
                    for (int x = 0; x < width; x++) {
                        int sourceX = (flip ? width - 1 - x : x) - shiftX;
                        boolean inside = sourceY >= 0 && sourceY < height && sourceX >= 0 && sourceX < width;
                        data[b * size + (ch * height + y) * width + x] = inside
                                ? (float) statistics.normalise(ch, images.pixel(image, ch, sourceY, sourceX)) : 0f;
                    }
                }
            }
        }
        return new Batch(data, labels, channels, height, width);
    }
}
