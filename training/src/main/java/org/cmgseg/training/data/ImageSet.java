package org.cmgseg.training.data;

import java.util.Arrays;

/**
 * Labelled 8-bit images in channel-major layout (image, channel, row, column), as the CIFAR and
 * MNIST files store them. Pixels are kept as bytes: a float copy of CIFAR-10 would take 600 MB.
 */
public record ImageSet(byte[] pixels, int[] labels, int channels, int height, int width, int classes) {

    public ImageSet {
        int size = channels * height * width;
        if (channels < 1 || height < 1 || width < 1 || size == 0 || pixels.length != (long) labels.length * size) {
            throw new IllegalArgumentException("image set of " + labels.length + " images of " + channels + "x" + height
                    + "x" + width + " needs " + (long) labels.length * size + " pixels, got " + pixels.length);
        }
        for (int label : labels) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " is outside [0, " + classes + ")");
            }
        }
    }

    public int size() {
        return labels.length;
    }

    /** Values per image: channels x height x width. */
    public int imageSize() {
        return channels * height * width;
    }

    /** Pixel value in [0, 255]. */
    public int pixel(int image, int channel, int row, int column) {
        return pixels[((image * channels + channel) * height + row) * width + column] & 0xFF;
    }

    /** The first {@code count} images (or all, if there are fewer). */
    public ImageSet head(int count) {
        int n = Math.min(count, size());
        return new ImageSet(Arrays.copyOf(pixels, n * imageSize()), Arrays.copyOf(labels, n), channels, height, width, classes);
    }
}
