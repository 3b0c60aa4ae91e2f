package org.cmgseg.segmentation;

import java.util.Locale;
import org.cmgseg.core.VoxelGrid;

/**
 * One measured segmentation: the volume, what ran, seconds per stage (labels: making every
 * threshold's fragment-to-segment map), wall-clock total, CPU seconds of the process over the run
 * (a check on wall-clock times taken on a busy machine), peak resident set and peak heap in use,
 * and the sizes of the problem.
 */
public record BenchmarkReport(VoxelGrid grid, String mergeFunction, String queue, int threads, int thresholds, StageTimes times,
        double labelSeconds, double totalSeconds, double cpuSeconds, long peakResidentBytes, long peakHeapBytes, long maxHeapBytes, int fragments,
        int edges, int merges) {

    /** One line: the stages in seconds and the memory in MB. */
    public String summary() {
        return String.format(Locale.ROOT, "%s %s %s threads=%d thresholds=%d: read %.2f s, fragments %.2f s, graph %.2f s, "
                + "agglomeration %.2f s, labels %.2f s, total %.2f s (CPU %.2f s); peak RSS %d MB, peak heap %d MB (max heap %d MB); "
                + "%d fragments, %d edges, %d merges", grid, mergeFunction, queue, threads, thresholds, times.read(), times.fragments(),
                times.graph(), times.agglomeration(), labelSeconds, totalSeconds, cpuSeconds, megabytes(peakResidentBytes), megabytes(peakHeapBytes),
                megabytes(maxHeapBytes), fragments, edges, merges);
    }

    private static long megabytes(long bytes) {
        return bytes < 0 ? -1 : bytes >> 20;
    }
}
