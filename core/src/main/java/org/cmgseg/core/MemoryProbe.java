package org.cmgseg.core;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures the peak memory of a computation: the process's peak resident set (Linux VmHWM, reset at
 * the start where the kernel allows it, else the peak since the process started) and the peak of
 * the JVM heap in use, sampled every few milliseconds; and the CPU time of the process.
 */
public final class MemoryProbe implements AutoCloseable {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final long SAMPLE_MILLIS = 2;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peakHeap;

    private MemoryProbe() {
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "cmgseg-memory-probe");
        sampler.setDaemon(true);
    }

    public static MemoryProbe start() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not Linux, or not allowed: the peak then counts from the start of the process
        }
        MemoryProbe probe = new MemoryProbe();
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

    /** Bytes; -1 where /proc/self/status does not exist. */
    public long peakResidentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // reported as unknown
        }
        return -1;
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
