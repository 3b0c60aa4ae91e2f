package org.cmgseg.affinities.io.codec;

import java.io.IOException;
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

    private Codecs() {
    }

    /** Deflate in a gzip member (gzip) or a zlib stream (zlib, N5's useZlib). */
    public static BlockCodec deflate(int level, boolean zlib) {
        return new DeflateCodec(level < 0 ? DEFAULT_DEFLATE_LEVEL : level, zlib ? Deflate.Wrapper.ZLIB : Deflate.Wrapper.GZIP);
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
}
