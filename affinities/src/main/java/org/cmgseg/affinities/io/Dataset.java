package org.cmgseg.affinities.io;

import java.io.IOException;
import org.cmgseg.core.RunContext;

/** A dataset open for reading. */
public interface Dataset {

    DatasetInfo info();

    /** How the elements are stored, for display: the compression, or a format's own fuller description. */
    default String storage() {
        return info().compression().toString();
    }

    /**
     * The region of the given offset and size (fastest axis first) as a primitive array of the
     * dataset's type, fastest axis first in memory. Parts never written read as the fill value.
     */
    Object read(long[] offset, int[] size) throws IOException;

    /**
     * The same region, its chunks read and decompressed on the context's threads where the format has
     * chunks (the result does not depend on the thread count), stopping with
     * {@link org.cmgseg.core.Cancelled} between chunks when the context is cancelled.
     */
    default Object read(long[] offset, int[] size, RunContext context) throws IOException {
        context.checkCancelled();
        return read(offset, size);
    }

    /**
     * The same region read into the start of {@code target}, an array of the dataset's type at least as
     * long as the region, which it returns: a buffer reused from read to read, so that streaming a large
     * dataset allocates nothing per region.
     */
    default Object readInto(long[] offset, int[] size, RunContext context, Object target) throws IOException {
        Object region = read(offset, size, context);
        System.arraycopy(region, 0, target, 0, info().dataType().length(region));
        return target;
    }

    /** The whole dataset, if it fits one array. */
    default Object readAll() throws IOException {
        return readAll(RunContext.sequential());
    }

    /** The whole dataset, if it fits one array, with a run context. */
    default Object readAll(RunContext context) throws IOException {
        DatasetInfo info = info();
        int[] size = new int[info.axes()];
        long n = 1;
        for (int d = 0; d < size.length; d++) {
            n *= info.dimensions()[d];
            size[d] = (int) info.dimensions()[d];
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IOException("dataset of " + n + " elements is too large to read at once; process it blockwise");
        }
        return read(new long[size.length], size, context);
    }
}
