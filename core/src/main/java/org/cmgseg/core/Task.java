package org.cmgseg.core;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress of one named step of a run. {@link #advance} may be called from any thread as often as the work
 * allows; it passes the count on to the context's {@link Progress} at most every {@value #REPORT_NANOS} ns
 * (and always at the end), and throws {@link Cancelled} once the context is cancelled.
 */
public final class Task {

    static final long REPORT_NANOS = 200_000_000L;

    /** Iterations of a sequential loop between two advances by {@link #step}: a check costs nothing beside them. */
    public static final int STRIDE = 1 << 16;

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

    /** Call once per iteration i (counted from 0) of a sequential loop: advances by {@link #STRIDE} every STRIDE iterations. */
    public void step(int i) {
        if ((i & (STRIDE - 1)) == STRIDE - 1) {
            advance(STRIDE);
        }
    }

    /** After a loop of {@code n} iterations that called {@link #step}: advances by those since its last advance. */
    public void stepped(int n) {
        advance(n & (STRIDE - 1));
    }

    /** Advances to the total: the step is done, however much of its estimated work it took. */
    public void finish() {
        advance(Math.max(0, total - done.get()));
    }

    public long done() {
        return done.get();
    }
}
