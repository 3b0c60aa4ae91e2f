package org.cmgseg.affinities.io.hdf5;

import static org.bytedeco.hdf5.global.hdf5.*;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.ShortPointer;
import org.cmgseg.affinities.io.DataType;

/**
 * Access to the native HDF5 library (bundled by org.bytedeco:hdf5): loading, one global lock (the
 * library is not built thread-safe), error checks that turn failures into IOExceptions with our own
 * messages (HDF5's own error stack printing is switched off), and type and buffer mapping.
 */
final class Hdf5 {

    static final ReentrantLock LOCK = new ReentrantLock();

    static {
        Loader.load(org.bytedeco.hdf5.global.hdf5.class);
        H5Eset_auto2(H5E_DEFAULT, null, null);
    }

    private Hdf5() {
    }

    /** Loads the library (once). */
    static void load() {
        // the static initialiser does the work
    }

    static long check(long id, Supplier<String> failure) throws IOException {
        if (id < 0) {
            throw new IOException(failure.get());
        }
        return id;
    }

    static void close(long id, java.util.function.LongToIntFunction closer) {
        if (id >= 0) {
            closer.applyAsInt(id);
        }
    }

    /** The native memory type in which arrays of a data type are read and written. */
    static long memoryType(DataType type) {
        return switch (type) {
            case UINT8 -> H5T_NATIVE_UINT8_g();
            case INT8 -> H5T_NATIVE_INT8_g();
            case UINT16 -> H5T_NATIVE_UINT16_g();
            case INT16 -> H5T_NATIVE_INT16_g();
            case UINT32 -> H5T_NATIVE_UINT32_g();
            case INT32 -> H5T_NATIVE_INT32_g();
            case UINT64 -> H5T_NATIVE_UINT64_g();
            case INT64 -> H5T_NATIVE_INT64_g();
            case FLOAT32 -> H5T_NATIVE_FLOAT_g();
            case FLOAT64 -> H5T_NATIVE_DOUBLE_g();
        };
    }

    /** The little-endian file type in which a data type is stored (as h5py stores numpy arrays). */
    static long fileType(DataType type) {
        return switch (type) {
            case UINT8 -> H5T_STD_U8LE_g();
            case INT8 -> H5T_STD_I8LE_g();
            case UINT16 -> H5T_STD_U16LE_g();
            case INT16 -> H5T_STD_I16LE_g();
            case UINT32 -> H5T_STD_U32LE_g();
            case INT32 -> H5T_STD_I32LE_g();
            case UINT64 -> H5T_STD_U64LE_g();
            case INT64 -> H5T_STD_I64LE_g();
            case FLOAT32 -> H5T_IEEE_F32LE_g();
            case FLOAT64 -> H5T_IEEE_F64LE_g();
        };
    }

    /** The data type of a file type, or null for types that are not plain numbers. */
    static DataType dataType(long typeId) {
        int typeClass = H5Tget_class(typeId);
        long size = H5Tget_size(typeId);
        if (typeClass == H5T_FLOAT) {
            return size == 4 ? DataType.FLOAT32 : size == 8 ? DataType.FLOAT64 : null;
        }
        if (typeClass != H5T_INTEGER) {
            return null;
        }
        boolean signed = H5Tget_sign(typeId) != H5T_SGN_NONE;
        return switch ((int) size) {
            case 1 -> signed ? DataType.INT8 : DataType.UINT8;
            case 2 -> signed ? DataType.INT16 : DataType.UINT16;
            case 4 -> signed ? DataType.INT32 : DataType.UINT32;
            case 8 -> signed ? DataType.INT64 : DataType.UINT64;
            default -> null;
        };
    }

    /** Native memory holding a copy of a Java primitive array (or zeros, for reading into). */
    static Pointer buffer(DataType type, Object array) {
        return switch (type.bytes()) {
            case 1 -> new BytePointer((byte[]) array);
            case 2 -> new ShortPointer((short[]) array);
            case 4 -> type.floating() ? new FloatPointer((float[]) array) : new IntPointer((int[]) array);
            default -> type.floating() ? new DoublePointer((double[]) array) : new LongPointer((long[]) array);
        };
    }

    /** Copies native memory back into a Java primitive array. */
    static void copy(Pointer buffer, DataType type, Object array) {
        switch (type.bytes()) {
            case 1 -> ((BytePointer) buffer).get((byte[]) array);
            case 2 -> ((ShortPointer) buffer).get((short[]) array);
            case 4 -> {
                if (type.floating()) {
                    ((FloatPointer) buffer).get((float[]) array);
                } else {
                    ((IntPointer) buffer).get((int[]) array);
                }
            }
            default -> {
                if (type.floating()) {
                    ((DoublePointer) buffer).get((double[]) array);
                } else {
                    ((LongPointer) buffer).get((long[]) array);
                }
            }
        }
    }

    /** The NUL-terminated UTF-8 string in a buffer. */
    static String string(BytePointer buffer) {
        byte[] bytes = new byte[(int) buffer.capacity()];
        buffer.get(bytes);
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Reads (or writes) a region of an open dataset between it and a native buffer. */
    static void transfer(long dataset, long[] offset, int[] size, DataType type, Pointer buffer, boolean write, String where)
            throws IOException {
        long fileSpace = H5Dget_space(dataset);
        long[] count = reversed(size);
        long memorySpace = H5Screate_simple(count.length, count, (long[]) null);
        try {
            check(H5Sselect_hyperslab(fileSpace, H5S_SELECT_SET, reversed(offset), null, count, null), () -> "region outside dataset " + where);
            if (write) {
                check(H5Dwrite(dataset, memoryType(type), memorySpace, fileSpace, H5P_DEFAULT, buffer), () -> "cannot write " + where);
            } else {
                check(H5Dread(dataset, memoryType(type), memorySpace, fileSpace, H5P_DEFAULT, buffer),
                        () -> "cannot read " + where + " (corrupt or truncated file?)");
            }
        } finally {
            H5Sclose(memorySpace);
            H5Sclose(fileSpace);
        }
    }

    /** numpy-order (slowest first) of an imglib2-order (fastest first) array. */
    static long[] reversed(long[] a) {
        long[] r = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    static long[] reversed(int[] a) {
        long[] r = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }
}
