package org.cmgseg.segmentation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.Cancelled;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.evaluate.ContingencyTable;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.merge.MergeFunction;
import org.cmgseg.testkit.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every stage of the pipeline, and the evaluation, stops soon after its run context is cancelled: the
 * context is cancelled when the stage makes its first report (as it starts), so the test fails if the
 * stage never looks again before it ends.
 */
class SegmentationCancellationTest {

    private static final AffinityGraph AFFINITIES = NoiseAffinities.of(new VoxelGrid(64, 64, 24), 3);

    /** Runs {@code operation} with a two-thread context cancelled at the first report of {@code stage}. */
    private static void assertStopsAt(String stage, Operation operation) throws InterruptedException {
        AtomicReference<RunContext> context = new AtomicReference<>();
        Cancellation.Trigger trigger = new Cancellation.Trigger(1, () -> context.get().cancel());
        context.set(RunContext.of(2, (task, done, total) -> {
            if (task.equals(stage)) {
                trigger.report();
            }
        }));
        Cancellation.assertStops(Cancelled.class, trigger, () -> operation.run(context.get()));
    }

    @FunctionalInterface
    private interface Operation {
        Object run(RunContext context) throws Exception;
    }

    @ParameterizedTest
    @ValueSource(strings = {"waterz", "distance2d", "distance3d"})
    void eachFragmentMethodStops(String method) throws InterruptedException {
        FragmentMethod fragments = switch (method) {
            case "waterz" -> FragmentMethod.waterz();
            case "distance2d" -> new FragmentMethod.DistanceTransform(true);
            default -> new FragmentMethod.DistanceTransform(false);
        };
        assertStopsAt("fragments", context -> SegmentationPipeline.fragments(fragments, AffinitySource.of(AFFINITIES), context));
    }

    @ParameterizedTest
    @ValueSource(strings = {"region graph", "graph", "agglomeration"})
    void theGraphAndTheAgglomerationStop(String stage) throws InterruptedException {
        SegmentationOptions options = SegmentationOptions.of(MergeFunction.parse("median_aff_histograms"), new QueueType(256), 0.1, 0.5, 0.9);
        assertStopsAt(stage, context -> SegmentationPipeline.run(AFFINITIES, options, context));
    }

    @Test
    void theEvaluationStops() throws InterruptedException {
        long[] labels = new long[1 << 20];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / 1000;
        }
        assertStopsAt("contingency", context -> ContingencyTable.of(labels, labels, context));
    }

    /**
     * The one slow test: a pipeline of several seconds of work reports at least once a second of work throughout.
     * Work is the process's CPU time, so that a loaded machine neither fails it nor makes it pass for nothing; two
     * threads do at most two seconds of it per second.
     */
    @Test
    void aLongSegmentationReportsAtLeastOnceASecond() throws Exception {
        AffinityGraph large = NoiseAffinities.of(new VoxelGrid(320, 320, 80), 5);
        List<Long> reports = Collections.synchronizedList(new ArrayList<>());
        long start = processCpuNanos();
        reports.add(start);
        SegmentationPipeline.run(large, SegmentationOptions.of(MergeFunction.parse("median_aff_histograms"), new QueueType(256), 0.1, 0.5, 0.9)
                .withFragments(new FragmentMethod.DistanceTransform(false)), RunContext.of(2, (task, done, total) -> reports.add(processCpuNanos())));
        long end = processCpuNanos();
        reports.add(end);
        assertTrue(end - start > 4_000_000_000L, "the run took " + (end - start) / 1_000_000 + " ms of CPU time; make the volume larger");
        long longest = 0;
        for (int i = 1; i < reports.size(); i++) {
            longest = Math.max(longest, reports.get(i) - reports.get(i - 1));
        }
        assertTrue(longest <= 2 * Cancellation.LIMIT_NANOS, "the longest CPU time without a report was " + longest / 1_000_000 + " ms");
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
