package org.cmgseg.affinities.io.hdf5;

import static org.bytedeco.hdf5.global.hdf5.*;

import java.io.IOException;
import org.bytedeco.javacpp.Pointer;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.PartialFiles;
import org.cmgseg.affinities.io.PendingWrites;

/**
 * Writes a chunked HDF5 dataset under a hidden name ({@link PartialFiles}: {@code .NAME.PID.NONCE.partial}) and
 * links it to its own name on commit; closing it uncommitted (also on a JVM shutdown, see {@link PendingWrites})
 * deletes the hidden dataset, and the next write into the same group deletes those of processes that died.
 */
final class Hdf5Writer implements DatasetWriter {

    /** h5py's default gzip level. */
    private static final int DEFAULT_GZIP_LEVEL = 4;

    private final Hdf5Container container;
    private final String path;
    private final String temporary;
    private final DatasetInfo info;
    private long dataset;

    Hdf5Writer(Hdf5Container container, String path, DatasetInfo info) throws IOException {
        String codec = info.compression().codec();
        if (!codec.equals("raw") && !codec.equals("gzip") && !codec.equals("zlib")) {
            throw new IOException("cannot write " + container.where(path) + " with " + codec
                    + " compression: HDF5 datasets are written raw or with gzip");
        }
        this.container = container;
        this.path = path;
        this.info = info;
        int slash = path.lastIndexOf('/');
        String group = path.substring(0, slash + 1);
        this.temporary = group + PartialFiles.nameFor(path.substring(slash + 1));
        Hdf5.LOCK.lock();
        try {
            removeStale(container, group);
            long[] shape = Hdf5.reversed(info.dimensions());
            long space = H5Screate_simple(shape.length, shape, (long[]) null);
            long links = H5Pcreate(H5P_CLS_LINK_CREATE_ID_g());
            long creation = H5Pcreate(H5P_CLS_DATASET_CREATE_ID_g());
            try {
                H5Pset_create_intermediate_group(links, 1);
                H5Pset_chunk(creation, shape.length, Hdf5.reversed(info.blockSize()));
                if (!codec.equals("raw")) {
                    H5Pset_deflate(creation, info.compression().level() < 0 ? DEFAULT_GZIP_LEVEL : info.compression().level());
                }
                dataset = Hdf5.check(H5Dcreate2(container.file(), temporary, Hdf5.fileType(info.dataType()), space, links, creation,
                        H5P_DEFAULT), () -> "cannot create dataset " + container.where(path));
            } finally {
                H5Pclose(creation);
                H5Pclose(links);
                H5Sclose(space);
            }
        } finally {
            Hdf5.LOCK.unlock();
        }
        PendingWrites.add(this);
    }

    /** Deletes the hidden datasets in {@code group} that processes which no longer run left unfinished. */
    private static void removeStale(Hdf5Container container, String group) throws IOException {
        if (!container.exists(group) || container.isDataset(group)) {
            return;
        }
        for (String name : container.children(group)) {
            if (PartialFiles.isStale(name)) {
                H5Ldelete(container.file(), group + name, H5P_DEFAULT);
            }
        }
    }

    @Override
    public DatasetInfo info() {
        return info;
    }

    @Override
    public void write(long[] offset, int[] size, Object data) throws IOException {
        Hdf5.LOCK.lock();
        try (Pointer buffer = Hdf5.buffer(info.dataType(), data)) {
            requireOpen();
            Hdf5.transfer(dataset, offset, size, info.dataType(), buffer, true, container.where(path));
        } finally {
            Hdf5.LOCK.unlock();
        }
    }

    /** Fails unless the hidden dataset is still being written (call under the lock). */
    private void requireOpen() throws IOException {
        if (dataset < 0) {
            throw new IOException(container.where(path) + " is already written, or was removed unfinished (interrupted, or closed)");
        }
    }

    @Override
    public void commit() throws IOException {
        Hdf5.LOCK.lock();
        try {
            requireOpen();
            H5Dclose(dataset);
            dataset = -1;
            if (H5Lexists(container.file(), path, H5P_DEFAULT) > 0) {
                Hdf5.check(H5Ldelete(container.file(), path, H5P_DEFAULT), () -> "cannot replace " + container.where(path));
            }
            Hdf5.check(H5Lmove(container.file(), temporary, container.file(), path, H5P_DEFAULT, H5P_DEFAULT),
                    () -> "cannot link the written dataset to " + container.where(path));
            Hdf5.check(H5Fflush(container.file(), H5F_SCOPE_LOCAL), () -> "cannot flush " + container.path());
            container.committed();
        } finally {
            Hdf5.LOCK.unlock();
        }
        PendingWrites.remove(this);
    }

    @Override
    public void close() {
        Hdf5.LOCK.lock();
        try {
            if (dataset >= 0) {
                H5Dclose(dataset);
                dataset = -1;
                H5Ldelete(container.file(), temporary, H5P_DEFAULT);
                H5Fflush(container.file(), H5F_SCOPE_LOCAL);
            }
        } finally {
            Hdf5.LOCK.unlock();
        }
        PendingWrites.remove(this);
    }
}
