package org.cmgseg.affinities.io.hdf5;

import static org.bytedeco.hdf5.global.hdf5.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.SizeTPointer;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.codec.Deflate;

/**
 * The filters of a chunked HDF5 dataset, in the order they were applied when writing. Chunks whose
 * filters are all deflate, shuffle and LZF are decoded here, in Java, so that they can be decompressed
 * outside the library's lock; other pipelines are left to the library. Decoding works in buffers that
 * each thread reuses, so that a read allocates (and zeroes) no memory per chunk.
 */
record FilterPipeline(List<Filter> filters) {

    /** h5py's LZF filter, registered by h5py and absent from the native library. */
    static final int LZF = 32000;

    /** Per thread: the stored bytes of a chunk, and two buffers that the filters write into in turn. */
    private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[3][0]);

    /** One filter: its id, its name for display and its client data. */
    record Filter(int id, String name, int[] values) {
    }

    /** The pipeline of a dataset creation property list (call under {@link Hdf5#LOCK}). */
    static FilterPipeline of(long plist) {
        List<Filter> filters = new ArrayList<>();
        int n = H5Pget_nfilters(plist);
        for (int i = 0; i < n; i++) {
            int[] flags = new int[1];
            int[] values = new int[8];
            byte[] name = new byte[64];
            int[] config = new int[1];
            try (SizeTPointer count = new SizeTPointer(1)) {
                count.put(values.length);
                int id = H5Pget_filter2(plist, i, flags, count, values, name.length, name, config);
                int[] stored = java.util.Arrays.copyOf(values, (int) Math.min(count.get(), values.length));
                filters.add(new Filter(id, name(id, stored, name), stored));
            }
        }
        return new FilterPipeline(List.copyOf(filters));
    }

    private static String name(int id, int[] values, byte[] stored) {
        return switch (id) {
            case H5Z_FILTER_DEFLATE -> "gzip:" + (values.length > 0 ? values[0] : "");
            case H5Z_FILTER_SHUFFLE -> "shuffle";
            case H5Z_FILTER_FLETCHER32 -> "fletcher32";
            case H5Z_FILTER_SCALEOFFSET -> "scaleoffset";
            case LZF -> "lzf";
            default -> {
                int end = 0;
                while (end < stored.length && stored[end] != 0) {
                    end++;
                }
                yield end > 0 ? new String(stored, 0, end, java.nio.charset.StandardCharsets.US_ASCII) : "filter " + id;
            }
        };
    }

    /** gzip with its level if deflate is in the pipeline, raw otherwise (the other filters have no Compression). */
    Compression compression() {
        for (Filter f : filters) {
            if (f.id() == H5Z_FILTER_DEFLATE) {
                return new Compression("gzip", f.values().length > 0 ? f.values()[0] : -1, null, 0);
            }
        }
        return Compression.RAW;
    }

    /** The filters as h5py names them, joined by '+' in the order applied ("shuffle+gzip:4"); "raw" if none. */
    String describe() {
        return filters.isEmpty() ? "raw" : String.join("+", filters.stream().map(Filter::name).toList());
    }

    /** Whether {@link #decode} handles every filter. */
    boolean decodable() {
        return filters.stream().allMatch(f -> f.id() == H5Z_FILTER_DEFLATE || f.id() == H5Z_FILTER_SHUFFLE || f.id() == LZF);
    }

    /** This thread's buffer for a chunk's stored bytes, at least {@code length} long. */
    static byte[] storedBuffer(int length) {
        return scratch(0, length);
    }

    private static byte[] scratch(int slot, int length) {
        byte[][] buffers = SCRATCH.get();
        if (buffers[slot].length < length) {
            buffers[slot] = new byte[length];
        }
        return buffers[slot];
    }

    /**
     * The first {@code storedLength} bytes of {@code stored}, a chunk as stored, decoded to its
     * {@code length} raw bytes: the filters undone last first, skipping those whose bit is set in
     * {@code skipped} (the chunk's filter mask: an optional filter that did not help, such as LZF on
     * incompressible data, is skipped when writing). The result is {@code stored} or one of this thread's
     * buffers, valid until its next decode.
     */
    byte[] decode(byte[] stored, int storedLength, int skipped, int length, int elementBytes) throws IOException {
        byte[] bytes = stored;
        int bytesLength = storedLength;
        int slot = 1;
        for (int i = filters.size() - 1; i >= 0; i--) {
            if ((skipped & (1 << i)) != 0) {
                continue;
            }
            Filter f = filters.get(i);
            if (f.id() == H5Z_FILTER_SHUFFLE && bytesLength != length) {
                throw new IOException("chunk holds " + bytesLength + " bytes, " + length + " expected");
            }
            byte[] out = scratch(slot, length);
            switch (f.id()) {
                case H5Z_FILTER_DEFLATE -> Deflate.inflate(Deflate.Wrapper.ZLIB, bytes, bytesLength, out, length);
                case H5Z_FILTER_SHUFFLE -> unshuffle(bytes, bytesLength, out, f.values().length > 0 ? f.values()[0] : elementBytes);
                case LZF -> Lzf.decompress(bytes, bytesLength, out, length);
                default -> throw new IllegalStateException("filter " + f.name() + " is decoded by the library");
            }
            bytes = out;
            bytesLength = length;
            slot = 3 - slot;
        }
        if (bytesLength != length) {
            throw new IOException("chunk holds " + bytesLength + " bytes, " + length + " expected");
        }
        return bytes;
    }

    /** Undoes HDF5's byte shuffle of {@code length} bytes: byte b of every element was stored in the b-th of elementBytes planes. */
    static void unshuffle(byte[] in, int length, byte[] out, int elementBytes) {
        int n = length / Math.max(1, elementBytes);
        if (elementBytes <= 1 || n <= 1) {
            System.arraycopy(in, 0, out, 0, length);
            return;
        }
        for (int b = 0; b < elementBytes; b++) {
            int plane = b * n;
            for (int i = 0, o = b; i < n; i++, o += elementBytes) {
                out[o] = in[plane + i];
            }
        }
        System.arraycopy(in, n * elementBytes, out, n * elementBytes, length - n * elementBytes);
    }
}
