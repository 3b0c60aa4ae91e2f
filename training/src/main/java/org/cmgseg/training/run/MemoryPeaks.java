package org.cmgseg.training.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak memory: heap in use, sampled when asked, and the process's peak resident set as Linux reports it. */
final class MemoryPeaks {

    private static final Path STATUS = Path.of("/proc/self/status");

    private long peakHeap;

    void sampleHeap() {
        Runtime runtime = Runtime.getRuntime();
        peakHeap = Math.max(peakHeap, runtime.totalMemory() - runtime.freeMemory());
    }

    long peakHeapBytes() {
        return peakHeap;
    }

    /** VmHWM, the high-water mark of the resident set (heap, native and code), or -1 where unavailable. */
    static long peakResidentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    return 1024 * Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
