package org.cmgseg.affinities.io.hdf5;

import static org.bytedeco.hdf5.global.hdf5.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.SizeTPointer;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetInfo;

/** A dataset of an HDF5 file, read in hyperslabs; HDF5 converts byte order and fills unwritten chunks. */
final class Hdf5Dataset implements Dataset {

    /** Contiguous datasets have no chunks; they are processed in slabs of about this many elements. */
    private static final long SLAB_ELEMENTS = 1 << 24;

    private final Hdf5Container container;
    private final String path;
    private final DatasetInfo info;
    private final String storage;

    private Hdf5Dataset(Hdf5Container container, String path, DatasetInfo info, String storage) {
        this.container = container;
        this.path = path;
        this.info = info;
        this.storage = storage;
    }

    static Hdf5Dataset open(Hdf5Container container, String path) throws IOException {
        Hdf5.LOCK.lock();
        try {
            long dataset = Hdf5.check(H5Dopen2(container.file(), path, H5P_DEFAULT), () -> "cannot open dataset " + container.where(path));
            long type = H5Dget_type(dataset);
            long space = H5Dget_space(dataset);
            long plist = H5Dget_create_plist(dataset);
            try {
                DataType dataType = Hdf5.dataType(type);
                if (dataType == null) {
                    throw new IOException(container.where(path) + " has an unsupported element type (HDF5 type class "
                            + H5Tget_class(type) + ", " + H5Tget_size(type) + " bytes); supported: integers and floats");
                }
                int rank = H5Sget_simple_extent_ndims(space);
                if (rank < 1) {
                    throw new IOException(container.where(path) + " is a scalar, not an array");
                }
                long[] shape = new long[rank];
                H5Sget_simple_extent_dims(space, shape, (long[]) null);
                long[] dimensions = Hdf5.reversed(shape);
                boolean chunked = H5Pget_layout(plist) == H5D_CHUNKED;
                int[] blockSize = new int[rank];
                if (chunked) {
                    long[] chunks = new long[rank];
                    H5Pget_chunk(plist, rank, chunks);
                    for (int d = 0; d < rank; d++) {
                        blockSize[d] = (int) Math.max(1, Math.min(chunks[rank - 1 - d], dimensions[d])); // dimensions may be 0
                    }
                } else {
                    slabs(dimensions, blockSize);
                }
                List<String> filters = new ArrayList<>();
                Compression compression = filters(plist, filters);
                String storage = (chunked ? "chunked" : H5Pget_layout(plist) == H5D_COMPACT ? "compact" : "contiguous")
                        + (filters.isEmpty() ? "" : ", filters " + String.join("+", filters));
                return new Hdf5Dataset(container, path, new DatasetInfo(dimensions, blockSize, dataType, compression), storage);
            } finally {
                H5Pclose(plist);
                H5Sclose(space);
                H5Tclose(type);
                H5Dclose(dataset);
            }
        } finally {
            Hdf5.LOCK.unlock();
        }
    }

    private static void slabs(long[] dimensions, int[] blockSize) {
        long elements = 1;
        for (int d = 0; d < dimensions.length; d++) {
            blockSize[d] = (int) Math.max(1, Math.min(dimensions[d], Integer.MAX_VALUE));
            elements *= blockSize[d];
        }
        for (int d = dimensions.length - 1; d >= 0 && elements > SLAB_ELEMENTS; d--) {
            long others = elements / blockSize[d];
            blockSize[d] = (int) Math.max(1, SLAB_ELEMENTS / others);
            elements = others * blockSize[d];
        }
    }

    /** Names the filter pipeline; the compression is gzip with its level if deflate is in it, raw otherwise. */
    private static Compression filters(long plist, List<String> names) {
        Compression compression = Compression.RAW;
        int n = H5Pget_nfilters(plist);
        for (int i = 0; i < n; i++) {
            int[] flags = new int[1];
            int[] values = new int[8];
            byte[] name = new byte[64];
            int[] config = new int[1];
            try (SizeTPointer count = new SizeTPointer(1)) {
                count.put(values.length);
                int id = H5Pget_filter2(plist, i, flags, count, values, name.length, name, config);
                if (id == H5Z_FILTER_DEFLATE) {
                    compression = new Compression("gzip", count.get() > 0 ? values[0] : -1, null, 0);
                    names.add("gzip:" + (count.get() > 0 ? values[0] : ""));
                } else if (id == H5Z_FILTER_SHUFFLE) {
                    names.add("shuffle");
                } else if (id == H5Z_FILTER_SCALEOFFSET) {
                    names.add("scaleoffset");
                } else {
                    int end = 0;
                    while (end < name.length && name[end] != 0) {
                        end++;
                    }
                    names.add(end > 0 ? new String(name, 0, end) : "filter " + id);
                }
            }
        }
        return compression;
    }

    @Override
    public DatasetInfo info() {
        return info;
    }

    /** The layout and filter pipeline, for display. */
    String storage() {
        return storage;
    }

    @Override
    public Object read(long[] offset, int[] size) throws IOException {
        DataType type = info.dataType();
        long n = 1;
        for (int s : size) {
            n *= s;
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IOException("region of " + n + " elements of " + container.where(path) + " is too large for one array");
        }
        Object array = type.allocate((int) n);
        if (n == 0) {
            return array;
        }
        Hdf5.LOCK.lock();
        try (Pointer buffer = Hdf5.buffer(type, array)) {
            long dataset = Hdf5.check(H5Dopen2(container.file(), path, H5P_DEFAULT), () -> "cannot open dataset " + container.where(path));
            try {
                Hdf5.transfer(dataset, offset, size, type, buffer, false, container.where(path));
                Hdf5.copy(buffer, type, array);
            } finally {
                H5Dclose(dataset);
            }
            return array;
        } finally {
            Hdf5.LOCK.unlock();
        }
    }
}
