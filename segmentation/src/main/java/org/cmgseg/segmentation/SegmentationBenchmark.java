package org.cmgseg.segmentation;

import java.io.IOException;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.core.MemoryProbe;
import org.cmgseg.core.RunContext;

/**
 * Runs the whole pipeline on a dataset and measures it: seconds per stage and peak memory. For
 * meaningful peaks, run one benchmark per JVM, with a heap limit ({@code -Xmx}) not much above need.
 */
public final class SegmentationBenchmark {

    private SegmentationBenchmark() {
    }

    public static BenchmarkReport run(AffinitySource affinities, SegmentationOptions options, RunContext context) throws IOException {
        System.gc();
        try (MemoryProbe probe = MemoryProbe.start()) {
            double cpu = MemoryProbe.processCpuSeconds();
            long start = System.nanoTime();
            SegmentationResult result = SegmentationPipeline.run(affinities, options, context);
            long labelsStart = System.nanoTime();
            int thresholds = result.thresholds().length;
            for (int t = 0; t < thresholds; t++) {
                result.fragmentToSegment(t);
            }
            long end = System.nanoTime();
            return new BenchmarkReport(result.fragments().grid(), result.mergeFunction().name(), result.queue().toString(),
                    context.threads(), thresholds, result.times(), (end - labelsStart) * 1e-9, (end - start) * 1e-9,
                    MemoryProbe.processCpuSeconds() - cpu,
                    probe.peakResidentBytes(), probe.peakHeapBytes(), Runtime.getRuntime().maxMemory(), result.fragments().count(),
                    result.edges(), result.mergesAt(thresholds - 1));
        }
    }
}
