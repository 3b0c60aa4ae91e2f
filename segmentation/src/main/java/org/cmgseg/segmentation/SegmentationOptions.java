package org.cmgseg.segmentation;

import org.cmgseg.segmentation.fragments.FragmentMethod;

/**
 * What to compute: fragments, a merge function by name (see
 * {@link org.cmgseg.segmentation.merge.MergeFunctions}), a queue by name ({@code exact} or
 * {@code bins:N}) and thresholds in [0, 1]. How many threads compute it is the run context's
 * business (results do not depend on it).
 */
public record SegmentationOptions(FragmentMethod fragments, String mergeFunction, String queue, double[] thresholds) {

    public SegmentationOptions {
        thresholds = thresholds.clone();
    }

    /** waterz's watershed fragments. */
    public static SegmentationOptions of(String mergeFunction, String queue, double... thresholds) {
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
