package org.cmgseg.core;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress of one named step of a run. {@link #advance} may be called from any thread as often as the work
 * allows; it passes the count on to the context's {@link Progress} at most every {@value #REPORT_NANOS} ns
 * (and always at the end), and throws {@link Cancelled} once the context is cancelled.
 */
public final class Task {

    static final long REPORT_NANOS = 200_000_000L;

    private final RunContext context;
    private final String name;
    private final long total;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong lastReport = new AtomicLong(System.nanoTime() - REPORT_NANOS);

    Task(RunContext context, String name, long total) {
        this.context = context;
        this.name = name;
        this.total = total;
        context.checkCancelled();
        context.progress().update(name, 0, total);
    }

    /** Adds {@code units} of finished work. */
    public void advance(long units) {
        long now = done.addAndGet(units);
        context.checkCancelled();
        long time = System.nanoTime();
        long last = lastReport.get();
        if (now >= total) {
            lastReport.set(time);
            context.progress().update(name, total, total);
        } else if (time - last >= REPORT_NANOS && lastReport.compareAndSet(last, time)) {
            context.progress().update(name, now, total);
        }
    }

    public long done() {
        return done.get();
    }
}
