package org.cmgseg.affinities.io.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;

/**
 * LZ4 as numcodecs frames it (Zarr, and N5 written by python zarr): the uncompressed length as a
 * 4-byte little-endian integer, then one raw LZ4 block.
 */
public final class Lz4FrameCodec implements BlockCodec {

    private static final LZ4Factory LZ4 = LZ4Factory.fastestInstance();

    @Override
    public byte[] encode(byte[] raw) {
        byte[] compressed = LZ4.fastCompressor().compress(raw);
        return ByteBuffer.allocate(4 + compressed.length).order(ByteOrder.LITTLE_ENDIAN).putInt(raw.length).put(compressed).array();
    }

    @Override
    public byte[] decode(byte[] encoded, int rawLength) throws IOException {
        if (encoded.length < 4) {
            throw new IOException("LZ4 chunk of " + encoded.length + " bytes is truncated");
        }
        int length = ByteBuffer.wrap(encoded).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (length != rawLength) {
            throw new IOException("LZ4 chunk holds " + length + " bytes, " + rawLength + " expected");
        }
        try {
            byte[] raw = new byte[length];
            LZ4.safeDecompressor().decompress(encoded, 4, encoded.length - 4, raw, 0);
            return raw;
        } catch (LZ4Exception e) {
            throw new IOException("corrupt LZ4 chunk: " + e.getMessage());
        }
    }
}
