package org.cmgseg.affinities.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.cmgseg.core.Cancelled;
import org.cmgseg.core.Parallel;
import org.cmgseg.core.RunContext;

/**
 * The slabs of an {@link AffinitySource} from z = 0 upwards. Raw data is read ahead: each slab on a
 * background thread while the one before is processed, so that waiting for the disk overlaps work.
 * Compressed data is not: decompressing already keeps the source's threads busy, and a slab read
 * ahead would double the memory that slabs take. Slabs are read into the source's buffers, so a
 * slab's values are overwritten once {@link #next} has been called again: a caller finishes with a
 * slab (or copies what it keeps of it) before it asks for the next. A stream may keep what it reads for
 * the streams after it (see {@link AffinitySource#retainNextPass}).
 */
public final class SlabStream implements AutoCloseable {

    private final AffinitySource source;
    private final RunContext context;
    private final int depth;
    private final boolean ahead;
    private final RetainedValues keeping;
    private int slot;
    private int z;
    private Future<AffinitySlab> pending;

    SlabStream(AffinitySource source, RunContext context) {
        this.source = source;
        this.context = context;
        this.keeping = source.startPass();
        this.depth = source.slabDepth();
        this.ahead = source.readsAhead();
        if (ahead) {
            schedule();
        }
    }

    /** Whether slabs remain. */
    public boolean hasNext() {
        return ahead ? pending != null : z < source.grid().sizeZ();
    }

    /** The next slab (slices [z0, z0 + depth) of the volume, cut at its end). */
    public AffinitySlab next() throws IOException {
        try {
            if (!ahead) {
                int z0 = z;
                z = Math.min(z0 + depth, source.grid().sizeZ());
                return source.load(z0, z, 0, keeping, context);
            }
            AffinitySlab slab = pending.get();
            schedule();
            return slab;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        }
    }

    /** Starts reading the next slab into the buffer that the slab before the current one used. */
    private void schedule() {
        int sz = source.grid().sizeZ();
        if (z >= sz) {
            pending = null;
            return;
        }
        int z0 = z;
        int z1 = Math.min(z0 + depth, sz);
        z = z1;
        int buffer = slot;
        slot = 1 - slot;
        pending = Parallel.background(() -> {
            try {
                return source.load(z0, z1, buffer, keeping, context);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Waits for a read still running, so that nothing reads the source after this, and ends the pass. */
    @Override
    public void close() {
        if (pending != null) {
            try {
                pending.get();
            } catch (ExecutionException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
            pending = null;
        }
        source.endPass(keeping);
    }
}
