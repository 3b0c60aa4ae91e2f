package org.cmgseg.training.data;

/** One mini-batch: normalised images (count x channels x height x width, channel-major) and their labels. */
public record Batch(float[] images, int[] labels, int channels, int height, int width) {

    public int count() {
        return labels.length;
    }
}
