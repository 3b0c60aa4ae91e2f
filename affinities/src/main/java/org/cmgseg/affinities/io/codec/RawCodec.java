package org.cmgseg.affinities.io.codec;

/** No compression. */
public final class RawCodec implements BlockCodec {

    @Override
    public byte[] encode(byte[] raw) {
        return raw;
    }

    @Override
    public byte[] decode(byte[] encoded, int rawLength) {
        return encoded;
    }
}
