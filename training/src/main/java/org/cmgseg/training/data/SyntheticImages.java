package org.cmgseg.training.data;

import java.util.Random;

/**
 * A small, deterministic image-classification set that needs no files: each class is a texture of
 * a few oriented gratings per channel (unit variance); a sample is its class texture cyclically
 * shifted by up to {@link #MAX_SHIFT} pixels, scaled by a random contrast in [0.6, 1.4] and buried in
 * Gaussian noise of the given standard deviation. The same arguments always give the same images
 * (java.util.Random's algorithm is specified).
 */
public final class SyntheticImages {

    /** The set that {@code --data synthetic} uses: CIFAR-shaped, so the paper's networks apply unchanged. */
    public static final int STANDARD_CLASSES = 10;
    public static final int STANDARD_SIDE = 32;
    public static final int STANDARD_TRAIN = 2000;
    public static final int STANDARD_TEST = 1000;

    /** Noise of the standard set: hard enough that a plain MLP stays near 70 %, so that differences show. */
    public static final double STANDARD_NOISE = 5;

    private static final int GRATINGS = 3;
    private static final int MAX_SHIFT = 4;
    private static final long SEED = 0x5EED_C3A6L;

    private SyntheticImages() {
    }

    public static ImageDataset standard() {
        return generate(STANDARD_CLASSES, 3, STANDARD_SIDE, STANDARD_TRAIN, STANDARD_TEST, STANDARD_NOISE);
    }

    public static ImageDataset generate(int classes, int channels, int side, int trainCount, int testCount, double noise) {
        if (classes < 2 || channels < 1 || side < 4 || trainCount < 1 || testCount < 1 || !(noise >= 0)) {
            throw new IllegalArgumentException("synthetic images need at least 2 classes, 1 channel, side 4, one "
                    + "image per split and noise >= 0");
        }
        double[][] textures = new double[classes][];
        Random textureRandom = new Random(SEED);
        for (int c = 0; c < classes; c++) {
            textures[c] = texture(textureRandom, channels, side);
        }
        return new ImageDataset("synthetic", samples(textures, channels, side, trainCount, noise, new Random(SEED + 1)),
                samples(textures, channels, side, testCount, noise, new Random(SEED + 2)));
    }

    /** Unit-variance texture: the sum of a few gratings of random frequency, orientation and phase per channel. */
    private static double[] texture(Random random, int channels, int side) {
        double[] values = new double[channels * side * side];
        for (int ch = 0; ch < channels; ch++) {
            for (int g = 0; g < GRATINGS; g++) {
                double angle = Math.PI * random.nextDouble();
                // whole cycles across the image keep the cyclic shift seamless
                int cycles = 1 + random.nextInt(4);
                double fx = 2 * Math.PI * Math.round(cycles * Math.cos(angle)) / side;
                double fy = 2 * Math.PI * Math.round(cycles * Math.sin(angle)) / side;
                double phase = 2 * Math.PI * random.nextDouble();
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        values[(ch * side + y) * side + x] += Math.sin(fx * x + fy * y + phase) * Math.sqrt(2.0 / GRATINGS);
                    }
                }
            }
        }
        return values;
    }

    private static ImageSet samples(double[][] textures, int channels, int side, int count, double noise, Random random) {
        int classes = textures.length;
        int size = channels * side * side;
        byte[] pixels = new byte[count * size];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(classes);
            labels[i] = label;
            int dx = random.nextInt(2 * MAX_SHIFT + 1) - MAX_SHIFT;
            int dy = random.nextInt(2 * MAX_SHIFT + 1) - MAX_SHIFT;
            double contrast = 0.6 + 0.8 * random.nextDouble();
            double[] texture = textures[label];
            for (int ch = 0; ch < channels; ch++) {
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        double v = contrast * texture[(ch * side + Math.floorMod(y + dy, side)) * side + Math.floorMod(x + dx, side)]
                                + noise * random.nextGaussian();
                        long level = Math.round(128 + 40 * v);
                        pixels[i * size + (ch * side + y) * side + x] = (byte) Math.max(0, Math.min(255, level));
                    }
                }
            }
        }
        return new ImageSet(pixels, labels, channels, side, side, classes);
    }
}
