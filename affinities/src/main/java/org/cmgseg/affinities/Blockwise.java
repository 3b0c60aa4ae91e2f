package org.cmgseg.affinities;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.cmgseg.affinities.io.BlockGrid;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;

/**
 * Processes a dataset block by block, on the run context's threads, holding only a few blocks in
 * memory at a time: every block of the output's grid is read from the input (same region), transformed
 * and written. Blocks are independent, so results do not depend on the thread count. Progress is
 * reported per block; a cancelled context stops the work between blocks.
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

    public static void map(Dataset input, DatasetWriter output, BlockFunction function, RunContext context, String task)
            throws IOException {
        generate(output, (offset, size) -> function.apply(input.read(offset, size), offset, size), context, task);
    }

    public static void generate(DatasetWriter output, BlockGenerator generator, RunContext context, String task)
            throws IOException {
        forEachBlock(output.info().grid(), context, task, (offset, size) -> output.write(offset, size, generator.apply(offset, size)));
    }

    public static void scan(Dataset input, BlockVisitor visitor, RunContext context, String task) throws IOException {
        forEachBlock(input.info().grid(), context, task, (offset, size) -> visitor.visit(input.read(offset, size), offset, size));
    }

    private interface RegionTask {
        void run(long[] offset, int[] size) throws IOException;
    }

    private static void forEachBlock(BlockGrid grid, RunContext context, String name, RegionTask body) throws IOException {
        Task task = context.task(name, grid.blocks());
        try {
            context.forEach(Math.toIntExact(grid.blocks()), b -> {
                long[] position = grid.position(b);
                try {
                    body.run(grid.offset(position), grid.size(position));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                task.advance(1);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
