package org.cmgseg.affinities.io;

import java.io.IOException;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;

/** Whole-array operations on datasets. */
public final class Datasets {

    private Datasets() {
    }

    /** Writes an in-memory array (the whole dataset, fastest axis first) block by block. */
    public static void writeAll(DatasetWriter writer, Object array) throws IOException {
        writeAll(writer, array, RunContext.sequential());
    }

    /** The same, reporting the blocks written as task "write" and stopping between blocks once the context is cancelled. */
    public static void writeAll(DatasetWriter writer, Object array, RunContext context) throws IOException {
        DatasetInfo info = writer.info();
        if (info.elements() != info.dataType().length(array)) {
            throw new IllegalArgumentException("an array of " + info.dataType().length(array) + " elements does not fill " + info);
        }
        BlockGrid grid = info.grid();
        int rank = info.axes();
        int[] dims = new int[rank];
        for (int d = 0; d < rank; d++) {
            dims[d] = (int) info.dimensions()[d];
        }
        Task task = context.task("write", grid.blocks());
        for (long b = 0; b < grid.blocks(); b++) {
            long[] position = grid.position(b);
            long[] offset = grid.offset(position);
            int[] size = grid.size(position);
            int[] from = new int[rank];
            int n = 1;
            for (int d = 0; d < rank; d++) {
                from[d] = (int) offset[d];
                n *= size[d];
            }
            Object block = info.dataType().allocate(n);
            Boxes.copy(array, dims, from, block, size, new int[rank], size);
            writer.write(offset, size, block);
            task.advance(1);
        }
    }
}
