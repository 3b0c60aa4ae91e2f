package org.cmgseg.cmg;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a loop body over the index range [0, n) on several threads, in contiguous chunks. Results
 * do not depend on the thread count as long as the body writes only its own indices.
 */
public final class Parallel {

    /** Ranges shorter than this are not worth a thread hand-off. */
    public static final int MIN_CHUNK = 1 << 15;

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "cmgseg-worker");
        thread.setDaemon(true);
        return thread;
    });

    private Parallel() {
    }

    /** The body of a loop over [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    public static int availableThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Runs {@code body} over [0, n) using up to {@code threads} threads (the caller is one of them). */
    public static void forRange(int n, int threads, RangeBody body) {
        forRange(n, threads, MIN_CHUNK, body);
    }

    /** As {@link #forRange(int, int, RangeBody)}, for units of work larger than one element (slices, blocks). */
    public static void forRange(int n, int threads, int minChunk, RangeBody body) {
        int chunks = Math.min(4 * Math.max(threads, 1), n / Math.max(1, minChunk));
        if (threads <= 1 || chunks <= 1) {
            body.run(0, n);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                body.run((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks));
            }
        };
        List<Future<?>> helpers = new ArrayList<>();
        for (int i = 1; i < Math.min(threads, chunks); i++) {
            helpers.add(WORKERS.submit(worker));
        }
        worker.run();
        for (Future<?> helper : helpers) {
            try {
                helper.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
