package org.cmgseg.affinities.io.codec;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.util.List;

/**
 * libdeflate's zlib and gzip decompressors, bound through JNA when the system has the library (Debian's
 * libdeflate0, Homebrew's libdeflate, a deflate.dll). Each thread has its own decompressor and native
 * buffers, freed when the thread is gone.
 */
final class LibDeflate {

    private static final List<String> NAMES = List.of("libdeflate.so.0", "deflate", "libdeflate");
    private static final Cleaner CLEANER = Cleaner.create();
    private static final int SUCCESS = 0;
    private static final boolean LOADED = load();
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private LibDeflate() {
    }

    /** Whether the library was found and bound; JNA passes size_t as a long only where it is 64 bits wide. */
    static boolean loaded() {
        return LOADED;
    }

    private static boolean load() {
        try {
            if (Native.SIZE_T_SIZE != Long.BYTES) {
                return false;
            }
            for (String name : NAMES) {
                try {
                    Native.register(LibDeflate.class, NativeLibrary.getInstance(name));
                    return true;
                } catch (UnsatisfiedLinkError e) {
                    // not under this name: try the next
                }
            }
        } catch (LinkageError | RuntimeException e) {
            // JNA has no native part for this platform
        }
        return false;
    }

    private static native Pointer libdeflate_alloc_decompressor();

    private static native void libdeflate_free_decompressor(Pointer decompressor);

    private static native int libdeflate_zlib_decompress(Pointer decompressor, Pointer in, long inBytes, Pointer out, long outBytes, Pointer actualOut);

    private static native int libdeflate_gzip_decompress(Pointer decompressor, Pointer in, long inBytes, Pointer out, long outBytes, Pointer actualOut);

    /**
     * Decompresses the first {@code inLength} bytes of {@code in} into exactly {@code length} bytes of
     * {@code out}; false if the stream is corrupt, truncated or does not make exactly that many bytes (the
     * caller then learns why from the JDK's decompressor). Needs {@link #loaded()}.
     */
    static boolean inflate(boolean gzip, byte[] in, int inLength, byte[] out, int length) {
        Buffers buffers = BUFFERS.get();
        Pointer input = buffers.input(inLength);
        Pointer output = buffers.output(length);
        input.write(0, in, 0, inLength);
        // no actual-size pointer: libdeflate then fails unless the stream makes exactly `length` bytes
        int result = gzip ? libdeflate_gzip_decompress(buffers.decompressor, input, inLength, output, length, null)
                : libdeflate_zlib_decompress(buffers.decompressor, input, inLength, output, length, null);
        if (result != SUCCESS) {
            return false;
        }
        output.read(0, out, 0, length);
        return true;
    }

    /** One thread's decompressor and its input and output buffers, grown as chunks need. */
    private static final class Buffers {
        final Pointer decompressor;
        private Memory input = new Memory(1);
        private Memory output = new Memory(1);

        Buffers() {
            Pointer d = libdeflate_alloc_decompressor();
            if (d == null) {
                throw new OutOfMemoryError("libdeflate could not allocate a decompressor");
            }
            decompressor = d;
            CLEANER.register(this, () -> libdeflate_free_decompressor(d));
        }

        Pointer input(int length) {
            if (input.size() < length) {
                input.close();
                input = new Memory(length);
            }
            return input;
        }

        Pointer output(int length) {
            if (output.size() < length) {
                output.close();
                output = new Memory(length);
            }
            return output;
        }
    }
}
