package org.cmgseg.core;

import java.util.function.IntConsumer;

/**
 * What a long operation runs with: how many threads, where it reports progress, and whether it has been
 * asked to stop. A front end makes one per run and passes it down; every loop of the library that can
 * take more than a second reports through a {@link Task} and stops with {@link Cancelled} when asked.
 * Contexts derived with {@link #withThreads} or {@link #withProgress} share the cancellation.
 */
public final class RunContext {

    private final int threads;
    private final Progress progress;
    private final CancelFlag cancel;

    private RunContext(int threads, Progress progress, CancelFlag cancel) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.threads = threads;
        this.progress = progress;
        this.cancel = cancel;
    }

    public static RunContext of(int threads, Progress progress) {
        return new RunContext(threads, progress, new CancelFlag());
    }

    /** One thread, no progress reports: for tests and small inputs. */
    public static RunContext sequential() {
        return of(1, Progress.NONE);
    }

    public int threads() {
        return threads;
    }

    public Progress progress() {
        return progress;
    }

    public RunContext withThreads(int threads) {
        return new RunContext(threads, progress, cancel);
    }

    public RunContext withProgress(Progress progress) {
        return new RunContext(threads, progress, cancel);
    }

    /** Asks every operation running with this context (or one derived from it) to stop; safe from any thread. */
    public void cancel() {
        cancel.set = true;
    }

    /** True once {@link #cancel()} was called or the calling thread was interrupted. */
    public boolean isCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            cancel.set = true;
        }
        return cancel.set;
    }

    /** Throws {@link Cancelled} if the operation should stop; call it between units of work. */
    public void checkCancelled() {
        if (isCancelled()) {
            throw new Cancelled();
        }
    }

    /** A named unit of progress with a known amount of work; reports at most a few times a second. */
    public Task task(String name, long total) {
        return new Task(this, name, total);
    }

    /** {@link Parallel#forRange(int, int, Parallel.RangeBody)} on this context's threads, checking for cancellation per part. */
    public void forRange(int n, Parallel.RangeBody body) {
        forRange(n, Parallel.MIN_CHUNK, body);
    }

    public void forRange(int n, int minChunk, Parallel.RangeBody body) {
        checkCancelled();
        Parallel.forRange(n, threads, minChunk, (from, to) -> {
            checkCancelled();
            body.run(from, to);
        });
    }

    /** {@link Parallel#forEach} on this context's threads, checking for cancellation before each task. */
    public void forEach(int tasks, IntConsumer task) {
        checkCancelled();
        Parallel.forEach(tasks, threads, i -> {
            checkCancelled();
            task.accept(i);
        });
    }

    private static final class CancelFlag {
        volatile boolean set;
    }
}
