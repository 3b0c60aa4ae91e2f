package org.cmgseg.affinities.io.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A codec given by a compressing output stream and a decompressing input stream (gzip, zlib, bzip2, xz). */
public final class StreamCodec implements BlockCodec {

    /** Opens a compressing stream around an output stream. */
    @FunctionalInterface
    public interface Compressor {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    /** Opens a decompressing stream around an input stream. */
    @FunctionalInterface
    public interface Decompressor {
        InputStream wrap(InputStream in) throws IOException;
    }

    private final Compressor compressor;
    private final Decompressor decompressor;

    public StreamCodec(Compressor compressor, Decompressor decompressor) {
        this.compressor = compressor;
        this.decompressor = decompressor;
    }

    @Override
    public byte[] encode(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length / 2 + 64);
        try (OutputStream out = compressor.wrap(bytes)) {
            out.write(raw);
        }
        return bytes.toByteArray();
    }

    @Override
    public byte[] decode(byte[] encoded, int rawLength) throws IOException {
        try (InputStream in = decompressor.wrap(new ByteArrayInputStream(encoded))) {
            byte[] raw = in.readNBytes(rawLength);
            if (raw.length < rawLength) {
                throw new EOFException(raw.length + " of " + rawLength + " bytes");
            }
            // reading to the end makes the stream check its trailer (gzip's CRC and length, bzip2's and xz's checks)
            if (in.read() != -1) {
                throw new IOException("corrupt compressed block: it holds more than the " + rawLength + " bytes expected");
            }
            return raw;
        } catch (EOFException e) {
            throw new IOException("compressed block is truncated (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("corrupt") ? e : new IOException("corrupt compressed block: " + e.getMessage());
        }
    }
}
