package org.cmgseg.affinities.io.codec;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Decompresses DEFLATE data in a zlib stream (HDF5's deflate filter, Zarr's zlib, N5's gzip with useZlib) or
 * a gzip member (N5's and Zarr's gzip) whose decompressed size is known: with libdeflate when the system has
 * it (two to three times faster than zlib), with the JDK's {@link Inflater} otherwise or when the system
 * property {@code cmgseg.inflater} is {@code java}.
 */
public final class Deflate {

    /** How the DEFLATE data is wrapped. */
    public enum Wrapper { ZLIB, GZIP }

    private static final boolean NATIVE = !"java".equals(System.getProperty("cmgseg.inflater")) && LibDeflate.loaded();
    private static final int BUFFER = 1 << 16;

    private Deflate() {
    }

    /** The decompressor that runs: "libdeflate" or "java". */
    public static String inflater() {
        return NATIVE ? "libdeflate" : "java";
    }

    /**
     * Decompresses the first {@code inLength} bytes of {@code in} into the first {@code length} bytes of
     * {@code out}; an IOException (corrupt, truncated, or more than {@code length} bytes) otherwise.
     */
    public static void inflate(Wrapper wrapper, byte[] in, int inLength, byte[] out, int length) throws IOException {
        // on failure the JDK decodes it again, so that both paths give the same message (and the same result
        // where libdeflate is stricter, as on gzip members after the first)
        if (!NATIVE || !LibDeflate.inflate(wrapper == Wrapper.GZIP, in, inLength, out, length)) {
            inflateWithJdk(wrapper, in, inLength, out, length);
        }
    }

    static void inflateWithJdk(Wrapper wrapper, byte[] in, int inLength, byte[] out, int length) throws IOException {
        InputStream bytes = new ByteArrayInputStream(in, 0, inLength);
        Inflater zlib = wrapper == Wrapper.ZLIB ? new Inflater() : null;
        try (InputStream stream = zlib != null ? new InflaterInputStream(bytes, zlib, BUFFER) : new GZIPInputStream(bytes, BUFFER)) {
            int n = stream.readNBytes(out, 0, length);
            if (n < length) {
                throw new EOFException(n + " of " + length + " bytes");
            }
            // reading on makes the stream check its trailer (gzip's CRC and length, zlib's checksum)
            if (stream.read() != -1) {
                throw new ZipException("it holds more than the " + length + " bytes expected");
            }
        } catch (EOFException e) {
            throw new IOException("deflate data is truncated (" + e.getMessage() + ")");
        } catch (ZipException e) {
            throw new IOException("corrupt deflate data: " + e.getMessage());
        } finally {
            if (zlib != null) {
                zlib.end();
            }
        }
    }
}
