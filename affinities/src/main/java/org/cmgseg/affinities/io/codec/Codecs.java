package org.cmgseg.affinities.io.codec;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import net.jpountz.lz4.LZ4BlockInputStream;
import net.jpountz.lz4.LZ4BlockOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.UnsupportedOptionsException;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/** The codecs of N5 and Zarr. A level below 0 means the codec's default. */
public final class Codecs {

    private static final int DEFAULT_DEFLATE_LEVEL = 6;
    /** zlib's streams default to 512-byte buffers, which costs a native call every 512 bytes. */
    private static final int BUFFER = 1 << 16;

    private Codecs() {
    }

    /** Deflate in a gzip member (gzip) or a zlib stream (zlib, N5's useZlib). */
    public static BlockCodec deflate(int level, boolean zlib) {
        int l = level < 0 ? DEFAULT_DEFLATE_LEVEL : level;
        if (zlib) {
            return new StreamCodec(out -> new EndingDeflaterStream(out, new Deflater(l)), in -> new InflaterInputStream(in, new Inflater(), BUFFER) {
                @Override
                public void close() throws IOException {
                    super.close();
                    inf.end();
                }
            });
        }
        return new StreamCodec(out -> new GZIPOutputStream(out, BUFFER) {
            {
                def.setLevel(l);
            }
        }, in -> new GZIPInputStream(in, BUFFER));
    }

    public static BlockCodec bzip2(int blockSize) {
        int size = blockSize < 1 ? 9 : blockSize;
        return new StreamCodec(out -> new BZip2CompressorOutputStream(out, size), BZip2CompressorInputStream::new);
    }

    public static BlockCodec xz(int preset) {
        return new StreamCodec(out -> {
            try {
                return new XZOutputStream(out, new LZMA2Options(preset < 0 ? LZMA2Options.PRESET_DEFAULT : preset));
            } catch (UnsupportedOptionsException e) {
                throw new IOException("xz preset " + preset + " is not supported (0-9)");
            }
        }, XZInputStream::new);
    }

    /** LZ4 in lz4-java's LZ4Block framing, as the Java N5 library writes it. */
    public static BlockCodec lz4Blocks(int blockSize) {
        int size = blockSize < 1 ? 1 << 16 : blockSize;
        return new StreamCodec(out -> new LZ4BlockOutputStream(out, size), LZ4BlockInputStream::new);
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
