package org.cmgseg.affinities.io;

import java.io.IOException;

/** A dataset open for reading. */
public interface Dataset {

    DatasetInfo info();

    /**
     * The region of the given offset and size (fastest axis first) as a primitive array of the
     * dataset's type, fastest axis first in memory. Parts never written read as the fill value.
     */
    Object read(long[] offset, int[] size) throws IOException;

    /** The whole dataset, if it fits one array. */
    default Object readAll() throws IOException {
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
        return read(new long[size.length], size);
    }
}
