package org.cmgseg.segmentation.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.cmgseg.cmg.Parallel;

/**
 * The slabs of an {@link AffinitySource} from z = 0 upwards, each read on a background thread while
 * the one before is being processed.
 */
public final class SlabStream implements AutoCloseable {

    private final AffinitySource source;
    private final int depth;
    private int z;
    private Future<AffinitySlab> pending;

    SlabStream(AffinitySource source) {
        this.source = source;
        this.depth = source.slabDepth();
        schedule();
    }

    /** Whether slabs remain. */
    public boolean hasNext() {
        return pending != null;
    }

    /** The next slab (slices [z0, z0 + depth) of the volume, cut at its end). */
    public AffinitySlab next() throws IOException {
        try {
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
            throw new IOException("interrupted while reading affinities", e);
        }
    }

    private void schedule() {
        int sz = source.grid().sizeZ();
        if (z >= sz) {
            pending = null;
            return;
        }
        int z0 = z;
        int z1 = Math.min(z0 + depth, sz);
        z = z1;
        pending = Parallel.background(() -> {
            try {
                return source.load(z0, z1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Waits for a read still running, so that nothing reads the source after this. */
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
    }
}
