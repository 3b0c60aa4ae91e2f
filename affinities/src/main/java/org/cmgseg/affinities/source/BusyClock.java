package org.cmgseg.affinities.source;

/**
 * Wall-clock time during which at least one thread was busy with something (reading, say): time when
 * several threads are busy at once counts once, so the total never exceeds the time that passed.
 */
final class BusyClock {

    private int busy;
    private long since;
    private long nanos;

    synchronized void start() {
        if (busy++ == 0) {
            since = System.nanoTime();
        }
    }

    synchronized void stop() {
        if (--busy == 0) {
            nanos += System.nanoTime() - since;
        }
    }

    /** The busy seconds so far, a span still running included. */
    synchronized double seconds() {
        return (nanos + (busy > 0 ? System.nanoTime() - since : 0)) * 1e-9;
    }
}
