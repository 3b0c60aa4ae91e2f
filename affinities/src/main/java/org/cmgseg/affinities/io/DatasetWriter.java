package org.cmgseg.affinities.io;

import java.io.Closeable;
import java.io.IOException;

/**
 * A dataset being written. It is written under a temporary name and appears under its own name only
 * on {@link #commit()}; closing a writer that was not committed removes what it wrote, so a failed
 * or interrupted write never leaves a dataset that looks complete.
 */
public interface DatasetWriter extends Closeable {

    DatasetInfo info();

    /** Writes a region; regions must be whole blocks of the dataset's block grid (cut at its end). */
    void write(long[] offset, int[] size, Object data) throws IOException;

    /** Makes the dataset visible under its name, replacing an older one. */
    void commit() throws IOException;
}
