package org.cmgseg.affinities;

import org.cmgseg.core.Progress;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.cmgseg.affinities.io.BlockGrid;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetWriter;

/**
 * Processes a dataset block by block, on several threads, holding only a few blocks in memory at a
 * time: every block of the output's grid is read from the input (same region), transformed and
 * written. Blocks are independent, so results do not depend on the thread count.
 */
public final class Blockwise {

    private Blockwise() {
    }

    /** Computes an output block from the input region it covers. */
    @FunctionalInterface
    public interface BlockFunction {
        Object apply(Object input, long[] offset, int[] size) throws IOException;
    }

    /** Computes an output block from its region alone. */
    @FunctionalInterface
    public interface BlockGenerator {
        Object apply(long[] offset, int[] size) throws IOException;
    }

    /** Visits the input region of a block (for scans such as min and max). */
    @FunctionalInterface
    public interface BlockVisitor {
        void visit(Object input, long[] offset, int[] size) throws IOException;
    }

    public static void map(Dataset input, DatasetWriter output, BlockFunction function, int threads, Progress progress, String task)
            throws IOException {
        generate(output, (offset, size) -> function.apply(input.read(offset, size), offset, size), threads, progress, task);
    }

    public static void generate(DatasetWriter output, BlockGenerator generator, int threads, Progress progress, String task)
            throws IOException {
        forEachBlock(output.info().grid(), threads, progress, task, (offset, size) -> output.write(offset, size, generator.apply(offset, size)));
    }

    public static void scan(Dataset input, BlockVisitor visitor, int threads, Progress progress, String task) throws IOException {
        forEachBlock(input.info().grid(), threads, progress, task, (offset, size) -> visitor.visit(input.read(offset, size), offset, size));
    }

    private interface RegionTask {
        void run(long[] offset, int[] size) throws IOException;
    }

    private static void forEachBlock(BlockGrid grid, int threads, Progress progress, String task, RegionTask body) throws IOException {
        long blocks = grid.blocks();
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        progress.update(task, 0, blocks);
        java.util.concurrent.Callable<Void> worker = () -> {
            for (long b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                long[] position = grid.position(b);
                body.run(grid.offset(position), grid.size(position));
                progress.update(task, done.incrementAndGet(), blocks);
            }
            return null;
        };
        int workers = (int) Math.max(1, Math.min(threads, blocks));
        if (workers == 1) {
            try {
                worker.call();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "cmgseg-blockwise");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                futures.add(pool.submit(worker));
            }
            for (Future<Void> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    next.set(blocks); // stop the other workers early
                    finish(futures); // and let them finish their block: none may write after the caller cleans up
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        throw io;
                    }
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IOException(cause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for every worker, whatever its outcome (the first failure is what the caller reports). */
    private static void finish(List<Future<Void>> futures) throws InterruptedException {
        for (Future<Void> future : futures) {
            try {
                future.get();
            } catch (ExecutionException ignored) {
                // a later failure of another worker
            }
        }
    }
}
