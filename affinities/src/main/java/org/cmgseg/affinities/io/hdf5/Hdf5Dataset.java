package org.cmgseg.affinities.io.hdf5;

import static org.bytedeco.hdf5.global.hdf5.*;

import java.io.IOException;
import java.nio.ByteOrder;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.cmgseg.affinities.io.ByteCodec;
import org.cmgseg.affinities.io.ChunkedDataset;
import org.cmgseg.affinities.io.ChunkedReads;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.core.RunContext;

/**
 * A dataset of an HDF5 file. Chunked datasets whose filters are deflate, shuffle and LZF are read chunk
 * by chunk: each chunk's stored bytes are read under the library's lock (direct chunk read) and decoded
 * outside it, on as many threads as the read is given. Other layouts and filters are read in
 * hyperslabs by the library, which converts byte order and supplies fill values.
 */
final class Hdf5Dataset implements ChunkedDataset {

    /** Contiguous datasets have no chunks; they are processed in slabs of about this many elements. */
    private static final long SLAB_ELEMENTS = 1 << 24;

    /** Native memory that direct chunk reads land in, guarded by {@link Hdf5#LOCK}; grown as needed. */
    private static BytePointer chunkBuffer = new BytePointer(0L);

    private final Hdf5Container container;
    private final String path;
    private final DatasetInfo info;
    private final FilterPipeline filters;
    /** The full chunk size (fastest axis first), null unless chunks are read directly. */
    private final int[] directChunk;
    private final ByteOrder order;
    /** Per thread: the elements of the chunk it read last, reused (a chunk is copied out before its thread loads another). */
    private final ThreadLocal<Object> chunkElements = new ThreadLocal<>();

    private Hdf5Dataset(Hdf5Container container, String path, DatasetInfo info, FilterPipeline filters, int[] directChunk,
            ByteOrder order) {
        this.container = container;
        this.path = path;
        this.info = info;
        this.filters = filters;
        this.directChunk = directChunk;
        this.order = order;
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
                int[] chunk = null;
                if (chunked) {
                    long[] chunks = new long[rank];
                    H5Pget_chunk(plist, rank, chunks);
                    chunk = new int[rank];
                    for (int d = 0; d < rank; d++) {
                        chunk[d] = (int) chunks[rank - 1 - d];
                        blockSize[d] = (int) Math.max(1, Math.min(chunk[d], dimensions[d])); // dimensions may be 0
                    }
                } else {
                    slabs(dimensions, blockSize);
                }
                FilterPipeline filters = FilterPipeline.of(plist);
                ByteOrder order = H5Tget_order(type) == H5T_ORDER_BE ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
                return new Hdf5Dataset(container, path, new DatasetInfo(dimensions, blockSize, dataType, filters.compression()), filters,
                        chunked && filters.decodable() ? chunk : null, order);
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

    @Override
    public DatasetInfo info() {
        return info;
    }

    /** The filters as h5py names them ("shuffle+gzip:4", "lzf", "raw"). */
    @Override
    public String storage() {
        return filters.describe();
    }

    @Override
    public Object readInto(long[] offset, int[] size, RunContext context, Object target) throws IOException {
        long n = 1;
        for (int s : size) {
            n *= s;
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IOException("region of " + n + " elements of " + container.where(path) + " is too large for one array");
        }
        if (n == 0) {
            return target != null ? target : info.dataType().allocate(0);
        }
        long dataset = locked(() -> Hdf5.check(H5Dopen2(container.file(), path, H5P_DEFAULT),
                () -> "cannot open dataset " + container.where(path)));
        try {
            if (directChunk == null) {
                Object region = locked(() -> region(dataset, offset, size));
                if (target == null) {
                    return region;
                }
                System.arraycopy(region, 0, target, 0, (int) n);
                return target;
            }
            return ChunkedReads.read(info, offset, size, container.where(path), context, target, position -> chunk(dataset, position));
        } finally {
            locked(() -> H5Dclose(dataset));
        }
    }

    /** A region through the library (call under the lock). */
    private Object region(long dataset, long[] offset, int[] size) throws IOException {
        DataType type = info.dataType();
        int n = 1;
        for (int s : size) {
            n *= s;
        }
        Object array = type.allocate(n);
        try (Pointer buffer = Hdf5.buffer(type, array)) {
            Hdf5.transfer(dataset, offset, size, type, buffer, false, container.where(path));
            Hdf5.copy(buffer, type, array);
        }
        return array;
    }

    /** The chunk at a grid position: its stored bytes read under the lock, decoded outside it. */
    private ChunkedReads.Chunk chunk(long dataset, long[] position) throws IOException {
        long[] chunkOffset = Hdf5.reversed(info.grid().offset(position));
        DataType type = info.dataType();
        int elements = 1;
        for (int c : directChunk) {
            elements *= c;
        }
        long rawBytes = (long) elements * type.bytes();
        int[] mask = new int[1];
        byte[] stored;
        int storedLength;
        Hdf5.LOCK.lock();
        try {
            long[] address = new long[1];
            long[] bytes = new long[1];
            Hdf5.check(H5Dget_chunk_info_by_coord(dataset, chunkOffset, mask, address, bytes),
                    () -> "cannot locate a chunk of " + container.where(path) + " (corrupt file?)");
            if (bytes[0] == 0) {
                // never written: the library supplies the fill value
                int[] size = info.grid().size(position);
                return new ChunkedReads.Chunk(region(dataset, info.grid().offset(position), size), size);
            }
            if (bytes[0] > storedLimit(rawBytes)) {
                throw new IOException(container.where(path) + " chunk at " + java.util.Arrays.toString(info.grid().offset(position))
                        + ": its index entry gives " + bytes[0] + " stored bytes for a chunk of " + rawBytes
                        + " bytes, more than its filters can make (corrupt file?)");
            }
            if (chunkBuffer.capacity() < bytes[0]) {
                chunkBuffer.close();
                chunkBuffer = new BytePointer(bytes[0]);
            }
            Hdf5.check(H5Dread_chunk(dataset, H5P_DEFAULT, chunkOffset, mask, chunkBuffer),
                    () -> "cannot read a chunk of " + container.where(path) + " (corrupt or truncated file?)");
            storedLength = Math.toIntExact(bytes[0]);
            stored = FilterPipeline.storedBuffer(storedLength);
            chunkBuffer.position(0).get(stored, 0, storedLength);
        } finally {
            Hdf5.LOCK.unlock();
        }
        byte[] raw;
        try {
            raw = filters.decode(stored, storedLength, mask[0], (int) rawBytes, type.bytes());
        } catch (IOException e) {
            throw new IOException(container.where(path) + " chunk at " + java.util.Arrays.toString(Hdf5.reversed(chunkOffset)) + ": "
                    + e.getMessage());
        }
        Object array = chunkElements.get();
        if (array == null) {
            array = type.allocate(elements);
            chunkElements.set(array);
        }
        return new ChunkedReads.Chunk(ByteCodec.toArray(type, raw, 0, elements, order, array), directChunk);
    }

    /**
     * More stored bytes than deflate, shuffle and LZF can make of a chunk of {@code rawBytes} (deflate adds
     * about 0.1 %, LZF and shuffle nothing): a larger size in the chunk index is corruption, and must not be
     * allocated.
     */
    private static long storedLimit(long rawBytes) {
        return Math.min(2 * rawBytes + 1024, Integer.MAX_VALUE - 8);
    }

    private interface LockedCall<T> {
        T call() throws IOException;
    }

    private static <T> T locked(LockedCall<T> call) throws IOException {
        Hdf5.LOCK.lock();
        try {
            return call.call();
        } finally {
            Hdf5.LOCK.unlock();
        }
    }
}
