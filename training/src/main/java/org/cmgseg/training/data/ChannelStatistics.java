package org.cmgseg.training.data;

/** Per-channel mean and standard deviation of a set's pixels, for normalising images to zero mean and unit variance. */
public record ChannelStatistics(double[] means, double[] deviations) {

    public static ChannelStatistics of(ImageSet images) {
        int channels = images.channels();
        int plane = images.height() * images.width();
        double[] sums = new double[channels];
        double[] squares = new double[channels];
        byte[] pixels = images.pixels();
        for (int i = 0; i < images.size(); i++) {
            for (int ch = 0; ch < channels; ch++) {
                int start = (i * channels + ch) * plane;
                long sum = 0;
                long square = 0;
                for (int p = start; p < start + plane; p++) {
                    int v = pixels[p] & 0xFF;
                    sum += v;
                    square += v * v;
                }
                sums[ch] += sum;
                squares[ch] += square;
            }
        }
        double count = (double) images.size() * plane;
        double[] means = new double[channels];
        double[] deviations = new double[channels];
        for (int ch = 0; ch < channels; ch++) {
            means[ch] = sums[ch] / count;
            double variance = squares[ch] / count - means[ch] * means[ch];
            // a constant channel is only centred
            deviations[ch] = variance > 1e-12 ? Math.sqrt(variance) : 1;
        }
        return new ChannelStatistics(means, deviations);
    }

    public double normalise(int channel, int pixel) {
        return (pixel - means[channel]) / deviations[channel];
    }
}
