package org.cmgseg.training.run;

/**
 * What one epoch measured. Accuracies are fractions; {@code testTopK} is top-5 (top-k with
 * k = the number of classes when there are fewer). AAE, the area across epochs, is the mean test
 * top-1 accuracy of the epochs so far. Non-finite counts are events of this epoch: mini-batches with a
 * non-finite loss or gradient (their update is skipped), and a non-finite parameter after the
 * epoch. Memory: peak heap in use (sampled after every mini-batch) and the peak resident set of the
 * process, which includes the native memory of PyTorch (-1 where the system does not report it).
 */
public record EpochMetrics(int epoch, double learningRateMultiplier, double trainLoss, double testLoss, double testTop1,
        double testTopK, double bestTop1, double aae, int nonFiniteLoss, int nonFiniteGradient, int nonFiniteParameter,
        double trainSeconds, double seconds, long peakHeapBytes, long peakResidentBytes) {

    public int nonFiniteEvents() {
        return nonFiniteLoss + nonFiniteGradient + nonFiniteParameter;
    }
}
