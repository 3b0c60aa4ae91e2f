package org.cmgseg.segmentation;

import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.merge.MergeFunction;

/**
 * What to compute: fragments, a merge function, a queue and thresholds in [0, 1]. How many threads compute it is
 * the run context's business (results do not depend on it).
 */
public record SegmentationOptions(FragmentMethod fragments, MergeFunction mergeFunction, QueueType queue, double[] thresholds) {

    public SegmentationOptions {
        thresholds = thresholds.clone();
    }

    /** waterz's watershed fragments. */
    public static SegmentationOptions of(MergeFunction mergeFunction, QueueType queue, double... thresholds) {
        return new SegmentationOptions(FragmentMethod.waterz(), mergeFunction, queue, thresholds);
    }

    public SegmentationOptions withFragments(FragmentMethod method) {
        return new SegmentationOptions(method, mergeFunction, queue, thresholds);
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }
}
