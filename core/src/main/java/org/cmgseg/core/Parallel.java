package org.cmgseg.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs work on several threads, the calling thread being one of them: numbered tasks, or a loop over
 * an index range in contiguous chunks. Results do not depend on the thread count as long as every
 * task writes only its own output (or its own part of one) and outputs are combined in task order.
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

    /** Runs {@code body} over [0, n) using up to {@code threads} threads. */
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
        forEach(chunks, threads, c -> body.run(partStart(n, chunks, c), partStart(n, chunks, c + 1)));
    }

    /**
     * Runs {@code task(i)} for every i in [0, tasks) on up to {@code threads} threads. After the first
     * failure no further task starts; all running ones are waited for before it is thrown (so none
     * writes after the caller cleans up). An interrupt of the caller while it waits stops the loop the
     * same way and ends in {@link Cancelled}.
     */
    public static void forEach(int tasks, int threads, IntConsumer task) {
        int helpers = Math.min(threads, tasks) - 1;
        if (helpers <= 0) {
            for (int i = 0; i < tasks; i++) {
                task.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                try {
                    task.accept(i);
                } catch (RuntimeException | Error e) {
                    next.set(tasks);
                    throw e;
                }
            }
        };
        List<Future<?>> futures = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) {
            futures.add(WORKERS.submit(worker));
        }
        RuntimeException failure = null;
        try {
            worker.run();
        } catch (RuntimeException e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> future : futures) {
            while (true) {
                try {
                    future.get();
                    break;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    if (failure == null) {
                        failure = cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
                    }
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    next.set(tasks);
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            if (failure == null) {
                failure = new Cancelled();
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Runs a task on a background thread. */
    public static <T> Future<T> background(Callable<T> task) {
        return WORKERS.submit(task);
    }

    /** The start of part {@code part} of {@code parts} equal parts of [0, n). */
    public static int partStart(int n, int parts, int part) {
        return (int) ((long) n * part / parts);
    }
}
