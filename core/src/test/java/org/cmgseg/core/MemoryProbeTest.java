package org.cmgseg.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cmgseg.testkit.Required;
import org.junit.jupiter.api.Test;

/** The probe against the kernel's own figures, read here independently, and against allocations that must raise them. */
class MemoryProbeTest {

    private static final long MB = 1 << 20;

    /** VmHWM of this process in bytes, parsed as "VmHWM:   123456 kB". */
    private static long vmHwm() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            String[] fields = line.trim().split("\\s+");
            if (fields[0].equals("VmHWM:")) {
                assertEquals("kB", fields[2], line);
                return Long.parseLong(fields[1]) * 1024;
            }
        }
        throw new AssertionError("no VmHWM in /proc/self/status");
    }

    private static void requireLinux() {
        Required.require(Files.isReadable(Path.of("/proc/self/status")), "/proc/self/status is not readable (not Linux)");
    }

    /**
     * VmHWM is not monotonic: the kernel reports the larger of the recorded peak and the current resident set, which
     * falls when the JVM releases pages without unmapping them and is read from per-CPU counters. So the probe must
     * equal an independent read taken when the figure held still on both sides of it; a wrong parse (unit, field)
     * never does.
     */
    @Test
    void thisProcessesPeakIsTheKernelsVmHwm() throws IOException {
        requireLinux();
        String last = "";
        for (int attempt = 0; attempt < 50; attempt++) {
            long before = vmHwm();
            long probed = MemoryProbe.peakResidentBytes(ProcessHandle.current().pid());
            long after = vmHwm();
            if (before == probed && probed == after) {
                return;
            }
            last = before + ", " + probed + ", " + after;
        }
        fail("in 50 attempts the probe never equalled VmHWM read just before and after it; last: " + last);
    }

    @Test
    void aProcessThatEndedHasNoPeak() throws IOException, InterruptedException {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        assertEquals(-1, MemoryProbe.peakResidentBytes(ended.pid()));
    }

    @Test
    void allocationsDuringTheProbeRaiseItsPeaks() throws InterruptedException {
        requireLinux();
        try (MemoryProbe probe = MemoryProbe.start()) {
            long residentAtStart = probe.peakResidentBytes();
            long heapAtStart = probe.peakHeapBytes();
            ByteBuffer direct = ByteBuffer.allocateDirect((int) (128 * MB)); // zeroed, so every page becomes resident
            byte[] heap = new byte[(int) (64 * MB)];
            Thread.sleep(50);
            assertTrue(probe.peakResidentBytes() >= residentAtStart + 100 * MB,
                    residentAtStart / MB + " MB at the start, " + probe.peakResidentBytes() / MB + " MB after touching 128 MB");
            assertTrue(probe.peakHeapBytes() >= heapAtStart + heap.length - MB && probe.peakHeapBytes() >= heap.length,
                    heapAtStart / MB + " MB of heap at the start, peak " + probe.peakHeapBytes() / MB + " MB with 64 MB more held");
            assertEquals(0, direct.get((int) (100 * MB)) + heap[heap.length - 1]);
        }
    }
}
