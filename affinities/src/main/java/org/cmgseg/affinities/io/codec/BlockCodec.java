package org.cmgseg.affinities.io.codec;

import java.io.IOException;

/** Compresses and decompresses the bytes of one block or chunk. */
public interface BlockCodec {

    byte[] encode(byte[] raw) throws IOException;

    /** Decodes, given the size of the raw bytes (the block header or chunk shape says it). */
    byte[] decode(byte[] encoded, int rawLength) throws IOException;
}
