package org.cmgseg.segmentation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;
import org.cmgseg.segmentation.agglomerate.Agglomeration;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.agglomerate.RemainingGraph;
import org.cmgseg.segmentation.fragments.DistanceTransformWatershed;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.fragments.Fragments;
import org.cmgseg.segmentation.fragments.SteepestAscentWatershed;
import org.cmgseg.segmentation.fragments.SuppliedFragments;
import org.cmgseg.segmentation.graph.EdgeFaces;
import org.cmgseg.segmentation.graph.RegionGraph;
import org.cmgseg.segmentation.graph.RegionGraphBuilder;
import org.cmgseg.segmentation.merge.ContactArea;
import org.cmgseg.segmentation.merge.EdgeStatistic;
import org.cmgseg.segmentation.merge.FaceSink;
import org.cmgseg.segmentation.merge.MergeFunction;

/**
 * affinities -> fragments -> region graph -> one agglomeration pass over all thresholds. Options
 * are checked before any work: a bad merge function, queue, threshold, fragment volume or affinity
 * shape fails with a one-line {@link IllegalArgumentException}.
 */
public final class SegmentationPipeline {

    /** The heap a run needs besides retained affinities, from the estimate in the README's "Memory": 64 MB and 20 bytes a voxel. */
    private static final long BASE_NEED_BYTES = 64L << 20;
    private static final long NEED_BYTES_PER_VOXEL = 20;

    private SegmentationPipeline() {
    }

    public static SegmentationResult run(Dataset affinities, SegmentationOptions options, RunContext context) throws IOException {
        return run(AffinitySource.of(affinities, 0), options, context);
    }

    public static SegmentationResult run(AffinityGraph affinities, SegmentationOptions options, RunContext context) throws IOException {
        return run(AffinitySource.of(affinities), options, context);
    }

    /**
     * Reports progress per stage ("fragments", "region graph", "graph", "agglomeration" in merges) and
     * stops with {@link org.cmgseg.core.Cancelled} within a moment when the context is cancelled. When the
     * fragments are made from the affinities and the heap leaves room, the region graph decodes the values
     * the fragments read, if they are few (see {@link AffinitySource#retainNextPass}), rather than reading them again.
     */
    public static SegmentationResult run(AffinitySource affinities, SegmentationOptions options, RunContext context) throws IOException {
        List<String> warnings = new ArrayList<>();
        MergeFunction function = options.mergeFunction();
        QueueType queueType = options.queue();
        float[] thresholds = Thresholds.validate(options.thresholds(), warnings);
        Progress progress = context.progress();
        warnings.forEach(progress::warning);
        Stopwatch clock = new Stopwatch();

        if (readsTwice(options.fragments()) && heapHolds(affinities)) {
            affinities.retainNextPass();
        }
        Fragments fragments = fragments(options.fragments(), affinities, context);
        if (fragments.count() == 0) {
            warn(warnings, progress, "there are no fragments (every voxel is background), so every segmentation is all 0");
        }
        double fragmentSeconds = clock.lap();

        Prepared prepared = prepare(fragments, affinities, function, queueType, context, clock);
        Agglomeration agglomeration = prepared.agglomeration();
        int[] mergesAt = new int[thresholds.length];
        long mostMerges = Math.max(1, fragments.count() - 1);
        Task task = context.task("agglomeration", mostMerges);
        for (int i = 0; i < thresholds.length; i++) {
            agglomeration.mergeUntil(thresholds[i], task);
            mergesAt[i] = agglomeration.history().size();
        }
        task.finish();
        RemainingGraph remaining = options.remainingGraph() ? agglomeration.remainingGraph() : null;
        double agglomerationSeconds = clock.lap();

        StageTimes times = new StageTimes(affinities.readSeconds(), fragmentSeconds, prepared.graphSeconds(), agglomerationSeconds);
        return new SegmentationResult(fragments, function, queueType, thresholds, mergesAt, agglomeration.edges(),
                agglomeration.history(), remaining, times, warnings);
    }

    /** An agglomeration ready to run, and the seconds its region graph took. */
    private record Prepared(Agglomeration agglomeration, double graphSeconds) {
    }

    /**
     * Builds the region graph and its statistics (the graph stage) and hands them to an agglomeration;
     * the graph itself is not kept.
     */
    private static Prepared prepare(Fragments fragments, AffinitySource affinities, MergeFunction function, QueueType queueType,
            RunContext context, Stopwatch clock) throws IOException {
        RegionGraph graph = RegionGraphBuilder.edges(fragments, context);
        EdgeStatistic statistic = function.newStatistic(graph.edges());
        ContactArea contact = new ContactArea(graph.edges());
        EdgeFaces.stream(graph, fragments, affinities, FaceSink.both(statistic, contact), context);
        affinities.discardRetained();
        double seconds = clock.lap();
        return new Prepared(new Agglomeration(graph, contact, function, statistic, queueType.create(graph.edges()), context), seconds);
    }

    /** Whether the fragments read the affinities, before the region graph reads them again. */
    private static boolean readsTwice(FragmentMethod method) {
        return method instanceof FragmentMethod.SteepestAscent || method instanceof FragmentMethod.DistanceTransform;
    }

    /**
     * Whether the heap limit holds the run's estimated need and the affinities retained between the two
     * passes at their largest (6 bytes a voxel), so that keeping them never makes a run fail that would fit without.
     */
    private static boolean heapHolds(AffinitySource affinities) {
        long need = BASE_NEED_BYTES + NEED_BYTES_PER_VOXEL * affinities.grid().voxels() + affinities.retentionBytes();
        return Runtime.getRuntime().maxMemory() >= need;
    }

    private static void warn(List<String> warnings, Progress progress, String message) {
        warnings.add(message);
        progress.warning(message);
    }

    /** The fragments of a method; precomputed and supplied ones must have the affinities' shape. */
    public static Fragments fragments(FragmentMethod method, AffinitySource affinities, RunContext context) throws IOException {
        if (method instanceof FragmentMethod.SteepestAscent s) {
            return SteepestAscentWatershed.compute(affinities, s.low(), s.high(), context);
        }
        if (method instanceof FragmentMethod.DistanceTransform d) {
            return d.perSlice() ? DistanceTransformWatershed.perSlice(affinities, context)
                    : DistanceTransformWatershed.volume(affinities, context);
        }
        if (method instanceof FragmentMethod.Precomputed p) {
            if (!p.fragments().grid().equals(affinities.grid())) {
                throw new IllegalArgumentException("the fragments have shape " + p.fragments().grid() + " but the affinities have "
                        + affinities.grid());
            }
            return p.fragments();
        }
        FragmentMethod.Supplied supplied = (FragmentMethod.Supplied) method;
        return SuppliedFragments.read(supplied.fragments(), supplied.where(), affinities.grid(), context);
    }

    /** Wall-clock seconds between laps, waiting for reads included (see {@link StageTimes}). */
    private static final class Stopwatch {
        private long start = System.nanoTime();

        double lap() {
            long now = System.nanoTime();
            double seconds = (now - start) * 1e-9;
            start = now;
            return seconds;
        }
    }
}
