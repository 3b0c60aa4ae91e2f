package org.cmgseg.affinities.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A writer of a dataset that is a folder of block files (N5, Zarr): blocks go into a hidden folder
 * beside the dataset's place, which is renamed into place on commit and deleted otherwise (also by a
 * JVM shutdown, see {@link PendingWrites}). The array metadata is written last, on commit, so that
 * an unfinished folder is never something a reader opens as an array. Other processes (the tasks of a
 * cluster job) may join the hidden folder to write blocks into it (see {@link Containers#joinPartial});
 * only the creating writer commits or removes it.
 */
public abstract class FolderDatasetWriter implements DatasetWriter {

    private final Path target;
    private final String format;
    protected final Path temporary;
    /** Blocks are written under the read lock (by many threads at once); commit and removal take the write lock. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** False for a writer that joined the hidden folder of another: it neither commits nor removes it. */
    private final boolean owner;
    private boolean committed;
    private boolean discarded;

    /** Creates the hidden folder of a dataset that is to appear at {@code target}. */
    protected FolderDatasetWriter(Path target, String format) throws IOException {
        this.target = target;
        this.format = format;
        this.temporary = DirectoryDatasets.temporaryFor(target);
        this.owner = true;
        PendingWrites.add(this);
    }

    /** Joins the existing hidden folder {@code partial} that a writer of another process created. */
    protected FolderDatasetWriter(String format, Path partial) throws IOException {
        if (!Files.isDirectory(partial)) {
            throw new IOException("no dataset being written at " + partial + " (committed, or removed after a failure)");
        }
        this.target = partial;
        this.format = format;
        this.temporary = partial;
        this.owner = false;
    }

    /** The hidden folder the blocks go into until the commit: what another process joins. */
    public Path partialFolder() {
        return temporary;
    }

    /** Writes one whole block at its grid position. */
    protected abstract void writeBlock(long[] position, int[] size, Object data) throws IOException;

    /** Writes the metadata that makes the folder an array, just before it is renamed into place. */
    protected abstract void writeMetadata() throws IOException;

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
        lock.readLock().lock();
        try {
            requireOpen();
            writeBlock(position, size, data);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Creates the folders from the hidden folder down to {@code file}'s, failing when the hidden folder itself is gone (its
     * creator removed it after a failure): a joined writer that comes late never makes it reappear.
     */
    protected void createFoldersFor(Path file) throws IOException {
        Path folder = temporary;
        Path below = temporary.relativize(file.getParent());
        if (below.toString().isEmpty()) {
            return; // a block beside the metadata (Zarr's flat keys): writing it fails by itself when the folder is gone
        }
        for (Path name : below) {
            folder = folder.resolve(name);
            if (!Files.isDirectory(folder)) {
                try {
                    Files.createDirectory(folder);
                } catch (FileAlreadyExistsException e) {
                    // made by a thread writing another block
                }
            }
        }
    }

    private void requireOpen() throws IOException {
        if (committed || discarded) {
            throw new IOException(target + (committed ? " is already written" : " was removed unfinished (interrupted, or closed)"));
        }
    }

    @Override
    public void commit() throws IOException {
        if (!owner) {
            throw new IOException(temporary + " is committed by the process that created it");
        }
        lock.writeLock().lock();
        try {
            requireOpen();
            writeMetadata();
            DirectoryDatasets.commit(temporary, target);
            committed = true;
        } finally {
            lock.writeLock().unlock();
        }
        PendingWrites.remove(this);
    }

    @Override
    public void close() throws IOException {
        lock.writeLock().lock();
        try {
            if (!committed && !discarded) {
                discarded = true;
                if (owner) {
                    DirectoryDatasets.delete(temporary);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
        PendingWrites.remove(this);
    }
}
