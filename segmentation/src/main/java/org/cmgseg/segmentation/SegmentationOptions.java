package org.cmgseg.segmentation;

import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.merge.MergeFunction;

/**
 * What to compute: fragments, a merge function, a queue and thresholds in [0, 1], and whether to keep the graph that
 * remains after the last threshold (as waterz's {@code return_region_graph}; it costs a pass over every edge and a sort,
 * so only runs that ask for it make it). How many threads compute it is the run context's business (results do not
 * depend on it).
 */
public record SegmentationOptions(FragmentMethod fragments, MergeFunction mergeFunction, QueueType queue, double[] thresholds,
        boolean remainingGraph) {

    public SegmentationOptions {
        thresholds = thresholds.clone();
    }

    /** waterz's watershed fragments. */
    public static SegmentationOptions of(MergeFunction mergeFunction, QueueType queue, double... thresholds) {
        return new SegmentationOptions(FragmentMethod.waterz(), mergeFunction, queue, thresholds, false);
    }

    public SegmentationOptions withFragments(FragmentMethod method) {
        return new SegmentationOptions(method, mergeFunction, queue, thresholds, remainingGraph);
    }

    /** The same, keeping the graph that remains after the last threshold ({@link SegmentationResult#remainingGraph}). */
    public SegmentationOptions withRemainingGraph() {
        return new SegmentationOptions(fragments, mergeFunction, queue, thresholds, true);
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }
}
