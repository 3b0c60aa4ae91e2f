package org.cmgseg.affinities.io;

import java.io.IOException;

/** A dataset that reads every region through {@link #readInto} (N5, Zarr, HDF5), chunks on several threads. */
public interface ChunkedDataset extends Dataset {

    @Override
    default Object read(long[] offset, int[] size) throws IOException {
        return read(offset, size, 1);
    }

    @Override
    default Object read(long[] offset, int[] size, int threads) throws IOException {
        return readInto(offset, size, threads, null);
    }

    /** As {@link Dataset#readInto}; a null {@code target} reads into a new array. */
    @Override
    Object readInto(long[] offset, int[] size, int threads, Object target) throws IOException;
}
