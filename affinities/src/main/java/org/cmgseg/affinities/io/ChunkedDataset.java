package org.cmgseg.affinities.io;

import java.io.IOException;
import org.cmgseg.core.RunContext;

/** A dataset that reads every region through {@link #readInto} (N5, Zarr, HDF5), chunks on several threads. */
public interface ChunkedDataset extends Dataset {

    @Override
    default Object read(long[] offset, int[] size) throws IOException {
        return read(offset, size, RunContext.sequential());
    }

    @Override
    default Object read(long[] offset, int[] size, RunContext context) throws IOException {
        return readInto(offset, size, context, null);
    }

    /** As {@link Dataset#readInto}; a null {@code target} reads into a new array. */
    @Override
    Object readInto(long[] offset, int[] size, RunContext context, Object target) throws IOException;
}
