package org.cmgseg.affinities.io.codec;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** Deflate in a gzip member (gzip) or a zlib stream (zlib, N5's useZlib): compressed by the JDK, decompressed by {@link Deflate}. */
final class DeflateCodec implements BlockCodec {

    /** zlib's streams default to 512-byte buffers, which costs a native call every 512 bytes. */
    private static final int BUFFER = 1 << 16;

    private final Deflate.Wrapper wrapper;
    private final StreamCodec compressor;

    DeflateCodec(int level, Deflate.Wrapper wrapper) {
        this.wrapper = wrapper;
        StreamCodec.Compressor stream = wrapper == Deflate.Wrapper.ZLIB ? out -> new EndingDeflaterStream(out, new Deflater(level))
                : out -> new GZIPOutputStream(out, BUFFER) {
                    {
                        def.setLevel(level);
                    }
                };
        // decoding is Deflate's, not a stream's
        compressor = new StreamCodec(stream, null);
    }

    @Override
    public byte[] encode(byte[] raw) throws IOException {
        return compressor.encode(raw);
    }

    @Override
    public byte[] decode(byte[] encoded, int rawLength) throws IOException {
        byte[] raw = new byte[rawLength];
        Deflate.inflate(wrapper, encoded, encoded.length, raw, rawLength);
        return raw;
    }

    /** A DeflaterOutputStream that frees its deflater's native memory when closed. */
    private static final class EndingDeflaterStream extends DeflaterOutputStream {
        EndingDeflaterStream(OutputStream out, Deflater deflater) {
            super(out, deflater, BUFFER);
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                def.end();
            }
        }
    }
}
