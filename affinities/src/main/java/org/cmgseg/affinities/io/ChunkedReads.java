package org.cmgseg.affinities.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;

/**
 * Reading a region of a chunked dataset: every chunk it touches is loaded and its overlap copied.
 * Chunks are loaded on the context's threads; each is loaded once and copies into its own part of the
 * region, so the result does not depend on the thread count. Progress is reported per chunk (as
 * "reading WHERE"), and a cancelled context stops the read between chunks. Chunks never written read as zeros. A chunk is copied on the
 * thread that loaded it before that thread loads another, so a source may hand out buffers it reuses
 * per thread.
 */
public final class ChunkedReads {

    private ChunkedReads() {
    }

    /**
     * A chunk's elements as stored (fastest axis first) and the dimensions they are laid out in; the
     * array may be longer than the chunk.
     */
    public record Chunk(Object elements, int[] dims) {
    }

    /**
     * Loads the chunk at a grid position, or returns null if it was never written (the region keeps its
     * zeros there). Called from several threads at once when a read has more than one thread.
     */
    @FunctionalInterface
    public interface ChunkSource {
        Chunk load(long[] position) throws IOException;
    }

    /** Reads into {@code target} (see {@link Dataset#readInto}), or into a new array if it is null. */
    public static Object read(DatasetInfo info, long[] offset, int[] size, String where, RunContext context, Object target,
            ChunkSource source)
            throws IOException {
        int rank = info.axes();
        long n = 1;
        for (int d = 0; d < rank; d++) {
            if (offset[d] < 0 || size[d] < 0 || offset[d] + size[d] > info.dimensions()[d]) {
                throw new IOException("region " + Arrays.toString(offset) + " + " + Arrays.toString(size) + " lies outside " + where
                        + " " + Arrays.toString(info.dimensions()));
            }
            n *= size[d];
        }
        Object out = target != null ? target : info.dataType().allocate(Math.toIntExact(n));
        if (n == 0) {
            return out;
        }
        BlockGrid grid = info.grid();
        long[] first = new long[rank];
        long[] count = new long[rank];
        long chunks = 1;
        for (int d = 0; d < rank; d++) {
            first[d] = offset[d] / info.blockSize()[d];
            count[d] = (offset[d] + size[d] - 1) / info.blockSize()[d] - first[d] + 1;
            chunks *= count[d];
        }
        Task task = context.task("reading " + where, chunks);
        try {
            context.forEach(Math.toIntExact(chunks), i -> {
                long[] position = new long[rank];
                long rest = i;
                for (int d = 0; d < rank; d++) {
                    position[d] = first[d] + rest % count[d];
                    rest /= count[d];
                }
                try {
                    Chunk chunk = source.load(position);
                    if (chunk == null && target != null) {
                        // a new array holds zeros already; a reused one gets them from an empty chunk
                        chunk = zeros(info.dataType(), grid.size(position));
                    }
                    if (chunk != null) {
                        copyOverlap(chunk, grid.offset(position), offset, size, out);
                    }
                    task.advance(1);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }

    private static Chunk zeros(DataType type, int[] dims) {
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        return new Chunk(type.allocate(n), dims);
    }

    private static void copyOverlap(Chunk chunk, long[] chunkOffset, long[] offset, int[] size, Object out) {
        int rank = size.length;
        int[] from = new int[rank];
        int[] to = new int[rank];
        int[] overlap = new int[rank];
        for (int d = 0; d < rank; d++) {
            long start = Math.max(offset[d], chunkOffset[d]);
            long end = Math.min(offset[d] + size[d], chunkOffset[d] + chunk.dims()[d]);
            from[d] = (int) (start - chunkOffset[d]);
            to[d] = (int) (start - offset[d]);
            overlap[d] = (int) (end - start);
        }
        Boxes.copy(chunk.elements(), chunk.dims(), from, out, size, to, overlap);
    }
}
