package org.cmgseg.segmentation;

import java.io.IOException;
import java.util.List;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.core.RunContext;
import org.cmgseg.segmentation.agglomerate.MergeHistory;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.agglomerate.RemainingGraph;
import org.cmgseg.segmentation.fragments.Fragments;
import org.cmgseg.segmentation.io.LabelWriter;
import org.cmgseg.segmentation.merge.MergeFunction;

/**
 * The outcome of a segmentation: the fragments, the merge history of the one agglomeration pass
 * over all thresholds (in dense fragment indices; {@link #label} gives uint64 labels), how many of
 * its merges each threshold includes, the region graph left at the last threshold, and the stage
 * times. The segmentation of a threshold is a map from fragment index to segment label, made on
 * demand from the history, and written block by block; no label volume per threshold is kept.
 */
public final class SegmentationResult {

    private final Fragments fragments;
    private final MergeFunction mergeFunction;
    private final QueueType queue;
    private final float[] thresholds;
    private final int[] mergesAt;
    private final int edges;
    private final MergeHistory history;
    private final RemainingGraph remainingGraph;
    private final StageTimes times;
    private final List<String> warnings;

    SegmentationResult(Fragments fragments, MergeFunction mergeFunction, QueueType queue, float[] thresholds, int[] mergesAt,
            int edges, MergeHistory history, RemainingGraph remainingGraph, StageTimes times, List<String> warnings) {
        this.fragments = fragments;
        this.mergeFunction = mergeFunction;
        this.queue = queue;
        this.thresholds = thresholds;
        this.mergesAt = mergesAt;
        this.edges = edges;
        this.history = history;
        this.remainingGraph = remainingGraph;
        this.times = times;
        this.warnings = List.copyOf(warnings);
    }

    public Fragments fragments() {
        return fragments;
    }

    public MergeFunction mergeFunction() {
        return mergeFunction;
    }

    public QueueType queue() {
        return queue;
    }

    /** The thresholds as float32, increasing. */
    public float[] thresholds() {
        return thresholds.clone();
    }

    /** The number of edges of the initial region graph. */
    public int edges() {
        return edges;
    }

    public MergeHistory history() {
        return history;
    }

    /** The number of merges (a prefix of the history) made below threshold i. */
    public int mergesAt(int threshold) {
        return mergesAt[threshold];
    }

    /**
     * The graph that remains after the last threshold; only runs whose options asked for it
     * ({@link SegmentationOptions#withRemainingGraph}) have it.
     */
    public RemainingGraph remainingGraph() {
        if (remainingGraph == null) {
            throw new IllegalStateException("this run was not asked to keep its remaining graph (SegmentationOptions.withRemainingGraph)");
        }
        return remainingGraph;
    }

    public StageTimes times() {
        return times;
    }

    /** Warnings about the input (e.g. thresholds that had to be sorted). */
    public List<String> warnings() {
        return warnings;
    }

    /** The uint64 label of a dense fragment index. */
    public long label(int index) {
        return fragments.label(index);
    }

    /** The number of segments (non-zero labels) at threshold i. */
    public int segmentCount(int threshold) {
        return fragments.count() - mergesAt[threshold];
    }

    /** For every dense fragment index (0 = background), the label of its segment at threshold i. */
    public long[] fragmentToSegment(int threshold) {
        int[] regions = history.regionsAfter(mergesAt[threshold], fragments.count() + 1);
        long[] map = new long[regions.length];
        for (int i = 0; i < map.length; i++) {
            map[i] = fragments.label(regions[i]);
        }
        return map;
    }

    /** The label volume of threshold i in one array (for volumes that fit one). */
    public long[] segmentation(int threshold) {
        long[] map = fragmentToSegment(threshold);
        int[] ids = fragments.ids();
        long[] volume = new long[ids.length];
        for (int v = 0; v < ids.length; v++) {
            volume[v] = map[ids[v]];
        }
        return volume;
    }

    public void writeSegmentation(int threshold, DatasetWriter writer, RunContext context) throws IOException {
        LabelWriter.write(fragments, fragmentToSegment(threshold), writer, context);
    }

    public void writeFragments(DatasetWriter writer, RunContext context) throws IOException {
        long[] identity = new long[fragments.count() + 1];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = fragments.label(i);
        }
        LabelWriter.write(fragments, identity, writer, context);
    }
}
