package org.cmgseg.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cancelling a long operation mid-way: a {@link Trigger} counts the operation's progress reports and
 * cancels it at the n-th; {@link #assertStops} runs the operation on a background thread and asserts
 * that it stopped with the expected exception within a second of the cancel.
 */
public final class Cancellation {

    /** How long an operation may go on working after it was cancelled. */
    public static final long LIMIT_NANOS = 1_000_000_000L;

    private Cancellation() {
    }

    /** Cancels (by running {@code cancel}) at the n-th report; hand {@link #report} to the operation's progress. */
    public static final class Trigger {
        private final int reports;
        private final Runnable cancel;
        private final AtomicInteger seen = new AtomicInteger();
        private volatile long cancelledAt;

        public Trigger(int reports, Runnable cancel) {
            this.reports = reports;
            this.cancel = cancel;
        }

        public void report() {
            if (seen.incrementAndGet() == reports) {
                cancelledAt = System.nanoTime();
                cancel.run();
            }
        }

        boolean fired() {
            return cancelledAt != 0;
        }
    }

    /** Runs {@code operation} on a background thread; it must throw {@code expected} (or a cause of it) within a second of the trigger. */
    public static void assertStops(Class<? extends Throwable> expected, Trigger trigger, Callable<?> operation) throws InterruptedException {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<?> run = thread.submit(operation);
            Throwable thrown = null;
            try {
                run.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                thrown = e.getCause();
            } catch (TimeoutException e) {
                run.cancel(true);
                fail("the operation did not stop within a minute");
            }
            check(expected, trigger, thrown, System.nanoTime());
        } finally {
            thread.shutdownNow();
        }
    }

    /** The same on the calling thread, for operations bound to the thread that set them up (PyTorch's gradient mode is per thread). */
    public static void assertStopsOnThisThread(Class<? extends Throwable> expected, Trigger trigger, Callable<?> operation) {
        Throwable thrown = null;
        try {
            operation.call();
        } catch (Exception | Error e) {
            thrown = e;
        }
        check(expected, trigger, thrown, System.nanoTime());
    }

    private static void check(Class<? extends Throwable> expected, Trigger trigger, Throwable thrown, long stopped) {
        assertTrue(trigger.fired(), "the operation ended before it was cancelled: it reported too rarely");
        if (thrown == null) {
            fail("the operation was cancelled, but finished");
        }
        Throwable cause = thrown;
        while (cause != null && !expected.isInstance(cause)) {
            cause = cause.getCause();
        }
        if (cause == null) {
            throw new AssertionError("expected " + expected.getSimpleName() + ", got " + thrown, thrown);
        }
        long after = stopped - trigger.cancelledAt;
        assertTrue(after < LIMIT_NANOS, "stopped " + after / 1_000_000 + " ms after the cancel");
    }
}
