package org.cmgseg.core;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures the peak memory of a computation: the process's peak resident set (Linux VmHWM, reset at
 * the start where the kernel allows it, else the peak since the process started) and the peak of
 * the JVM heap in use, sampled every few milliseconds; and the CPU time of the process. Also reads
 * the peak resident set of another process, for measurements made from outside it.
 */
public final class MemoryProbe implements AutoCloseable {

    /** Often enough to catch the heap's peaks between collections of a benchmarked stage. */
    private static final long SAMPLE_MILLIS = 2;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peakHeap;

    private MemoryProbe(long sampleMillis) {
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(sampleMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "cmgseg-memory-probe");
        sampler.setDaemon(true);
    }

    public static MemoryProbe start() {
        return start(SAMPLE_MILLIS);
    }

    /** A probe whose heap sampler wakes every {@code sampleMillis}: longer for long runs, where it would cost CPU. */
    public static MemoryProbe start(long sampleMillis) {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not Linux, or not allowed: the peak then counts from the start of the process
        }
        MemoryProbe probe = new MemoryProbe(sampleMillis);
        probe.sample();
        probe.sampler.start();
        return probe;
    }

    /** CPU seconds this process has used (all threads), -1 if the JVM does not tell. */
    public static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() * 1e-9;
        }
        return -1;
    }

    /**
     * The peak resident set (VmHWM: heap, native memory and code) of process {@code pid} in bytes, as
     * Linux reports it in /proc/PID/status; -1 where it does not (not Linux, or the process has ended).
     */
    public static long peakResidentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // reported as unknown
        }
        return -1;
    }

    /** This process's peak resident set since the probe started (see the class comment), in bytes; -1 where unknown. */
    public long peakResidentBytes() {
        return peakResidentBytes(ProcessHandle.current().pid());
    }

    public long peakHeapBytes() {
        sample();
        return peakHeap;
    }

    private synchronized void sample() {
        peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
