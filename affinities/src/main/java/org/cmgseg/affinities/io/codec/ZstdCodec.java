package org.cmgseg.affinities.io.codec;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import java.io.IOException;

/** Zstandard frames (numcodecs Zstd, N5 zstd). */
public final class ZstdCodec implements BlockCodec {

    private final int level;

    public ZstdCodec(int level) {
        this.level = level;
    }

    @Override
    public byte[] encode(byte[] raw) {
        return Zstd.compress(raw, level);
    }

    @Override
    public byte[] decode(byte[] encoded, int rawLength) throws IOException {
        try {
            byte[] raw = Zstd.decompress(encoded, rawLength);
            if (raw.length != rawLength) {
                throw new IOException("zstd chunk holds " + raw.length + " bytes, " + rawLength + " expected");
            }
            return raw;
        } catch (ZstdException e) {
            throw new IOException("corrupt zstd chunk: " + e.getMessage());
        }
    }
}
