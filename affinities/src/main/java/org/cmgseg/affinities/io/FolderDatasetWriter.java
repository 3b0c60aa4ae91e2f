package org.cmgseg.affinities.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A writer of a dataset that is a folder of block files (N5, Zarr): blocks go into a hidden folder
 * beside the dataset's place, which is renamed into place on commit and deleted otherwise.
 */
public abstract class FolderDatasetWriter implements DatasetWriter {

    private final Path target;
    private final String format;
    protected final Path temporary;
    private boolean committed;

    protected FolderDatasetWriter(Path target, String format) throws IOException {
        this.target = target;
        this.format = format;
        this.temporary = DirectoryDatasets.temporaryFor(target);
    }

    /** Writes one whole block at its grid position. */
    protected abstract void writeBlock(long[] position, int[] size, Object data) throws IOException;

    @Override
    public void write(long[] offset, int[] size, Object data) throws IOException {
        DatasetInfo info = info();
        long[] position = new long[offset.length];
        for (int d = 0; d < offset.length; d++) {
            position[d] = offset[d] / info.blockSize()[d];
            int expected = (int) Math.min(info.blockSize()[d], info.dimensions()[d] - offset[d]);
            if (offset[d] % info.blockSize()[d] != 0 || size[d] != expected) {
                throw new IOException(format + " writes whole blocks: region " + Arrays.toString(offset) + " + " + Arrays.toString(size)
                        + " is not a block of the grid " + Arrays.toString(info.blockSize()));
            }
        }
        writeBlock(position, size, data);
    }

    @Override
    public void commit() throws IOException {
        DirectoryDatasets.commit(temporary, target);
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            DirectoryDatasets.delete(temporary);
        }
    }
}
