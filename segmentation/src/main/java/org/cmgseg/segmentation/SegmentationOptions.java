package org.cmgseg.segmentation;

import org.cmgseg.core.Parallel;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.merge.MergeFunction;

/**
 * What to compute: fragments, a merge function, a queue, thresholds in [0, 1], and the number of threads
 * (results do not depend on it).
 */
public record SegmentationOptions(FragmentMethod fragments, MergeFunction mergeFunction, QueueType queue, double[] thresholds,
        int threads) {

    public SegmentationOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("the number of threads must be at least 1, got " + threads);
        }
        thresholds = thresholds.clone();
    }

    /** waterz's watershed fragments, on all available processors. */
    public static SegmentationOptions of(MergeFunction mergeFunction, QueueType queue, double... thresholds) {
        return new SegmentationOptions(FragmentMethod.waterz(), mergeFunction, queue, thresholds, Parallel.availableThreads());
    }

    public SegmentationOptions withFragments(FragmentMethod method) {
        return new SegmentationOptions(method, mergeFunction, queue, thresholds, threads);
    }

    public SegmentationOptions withThreads(int count) {
        return new SegmentationOptions(fragments, mergeFunction, queue, thresholds, count);
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }
}
