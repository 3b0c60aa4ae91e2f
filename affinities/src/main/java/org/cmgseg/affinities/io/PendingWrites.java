package org.cmgseg.affinities.io;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes in progress that a shutdown of the JVM (SIGINT, SIGTERM, {@code System.exit}) must undo: a
 * shutdown hook closes every one still registered, which removes what it wrote. Finally blocks do
 * not run when the JVM is stopped by a signal, so closing a writer is not enough.
 */
public final class PendingWrites {

    private static final Set<Closeable> PENDING = Collections.synchronizedSet(new LinkedHashSet<>());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PendingWrites::abortAll, "cmgseg-abort-writes"));
    }

    private PendingWrites() {
    }

    /** Registers a write; {@code abort} must remove what it wrote and be harmless to call again. */
    public static void add(Closeable abort) {
        PENDING.add(abort);
    }

    public static void remove(Closeable abort) {
        PENDING.remove(abort);
    }

    /**
     * Last registered first: a writer stops taking blocks and removes its folder before the container
     * that was created for it is removed (other threads keep running while the hook runs).
     */
    private static void abortAll() {
        List<Closeable> pending;
        synchronized (PENDING) {
            pending = new ArrayList<>(PENDING);
        }
        Collections.reverse(pending);
        for (Closeable abort : pending) {
            try {
                abort.close();
            } catch (IOException | RuntimeException e) {
                // the JVM is going down: remove what can be removed, a later run removes the rest (PartialFiles)
            }
        }
    }
}
