package org.cmgseg.affinities.io.codec;

import com.scalableminds.bloscjava.Blosc;
import java.io.IOException;

/** Blosc frames (the native c-blosc 1.x bundled by blosc-java), with any inner compressor and shuffle. */
public final class BloscCodec implements BlockCodec {

    private final String compressor;
    private final int level;
    private final int shuffle;
    private final int typeSize;
    private final int blockSize;

    public BloscCodec(String compressor, int level, int shuffle, int typeSize, int blockSize) {
        this.compressor = compressor;
        this.level = level;
        this.shuffle = shuffle;
        this.typeSize = typeSize;
        this.blockSize = blockSize;
    }

    @Override
    public byte[] encode(byte[] raw) throws IOException {
        try {
            return Blosc.compress(raw, typeSize, Blosc.Compressor.fromString(compressor), level, Blosc.Shuffle.fromInt(shuffle), blockSize);
        } catch (RuntimeException e) {
            throw new IOException("blosc compression (" + compressor + ") failed: " + e.getMessage());
        }
    }

    @Override
    public byte[] decode(byte[] encoded, int rawLength) throws IOException {
        if (encoded.length < 16) {
            throw new IOException("blosc chunk of " + encoded.length + " bytes is truncated");
        }
        try {
            byte[] raw = Blosc.decompress(encoded);
            if (raw.length != rawLength) {
                throw new IOException("blosc chunk holds " + raw.length + " bytes, " + rawLength + " expected");
            }
            return raw;
        } catch (RuntimeException e) {
            throw new IOException("corrupt blosc chunk: " + e.getMessage());
        }
    }
}
