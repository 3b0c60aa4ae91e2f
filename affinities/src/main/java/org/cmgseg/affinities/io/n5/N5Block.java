package org.cmgseg.affinities.io.n5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.cmgseg.affinities.io.ByteCodec;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.codec.BlockCodec;
import org.cmgseg.affinities.io.codec.RawCodec;

/**
 * One N5 block: a big-endian header (mode, number of dimensions, the block's size fastest axis first,
 * and for mode 1 "varlength" the number of elements) followed by the compressed, big-endian elements.
 *
 * @param mode     0 default (elements = product of the size), 1 varlength
 * @param size     the size in the header: cut at the dataset's end by the Java library, full by python zarr
 * @param elements the decoded elements (an array that may be longer, when decoded into a reused one)
 */
public record N5Block(int mode, int[] size, Object elements) {

    static final int DEFAULT = 0;
    static final int VARLENGTH = 1;

    static N5Block decode(byte[] bytes, DataType type, BlockCodec codec, String where) throws IOException {
        return decode(bytes, bytes.length, type, codec, where, null);
    }

    /**
     * The block held in the first {@code length} bytes of {@code bytes}, its elements converted into
     * {@code into} (an array of the type, reused from block to block) when it is large enough, into a
     * new array otherwise.
     */
    static N5Block decode(byte[] bytes, int length, DataType type, BlockCodec codec, String where, Object into) throws IOException {
        ByteBuffer header = ByteBuffer.wrap(bytes, 0, length).order(ByteOrder.BIG_ENDIAN);
        try {
            int mode = header.getShort() & 0xffff;
            if (mode != DEFAULT && mode != VARLENGTH) {
                throw new IOException(where + " is an N5 block of mode " + mode + "; supported: 0 (default) and 1 (varlength)");
            }
            int rank = header.getShort() & 0xffff;
            int[] size = new int[rank];
            long n = 1;
            for (int d = 0; d < rank; d++) {
                size[d] = header.getInt();
                n *= size[d];
            }
            if (mode == VARLENGTH) {
                n = header.getInt() & 0xffffffffL;
            }
            if (n < 0 || n * type.bytes() > Integer.MAX_VALUE - 8) {
                throw new IOException(where + " has a corrupt header (" + n + " elements)");
            }
            int start = header.position();
            int elementBytes = (int) n * type.bytes();
            // raw payloads are converted where they are, not copied out first
            boolean raw = codec instanceof RawCodec;
            byte[] payload = raw ? bytes : codec.decode(java.util.Arrays.copyOfRange(bytes, start, length), elementBytes);
            int offset = raw ? start : 0;
            int available = raw ? length - start : payload.length;
            if (available < elementBytes) {
                throw new IOException(where + " holds " + available + " bytes of elements, " + elementBytes + " expected");
            }
            Object elements = into != null && type.length(into) >= n ? into : type.allocate((int) n);
            return new N5Block(mode, size, ByteCodec.toArray(type, payload, offset, (int) n, ByteOrder.BIG_ENDIAN, elements));
        } catch (java.nio.BufferUnderflowException e) {
            throw new IOException(where + " is truncated: " + length + " bytes do not hold an N5 block header");
        } catch (IOException e) {
            throw e.getMessage().startsWith(where) ? e : new IOException(where + ": " + e.getMessage());
        }
    }

    static byte[] encode(int[] size, DataType type, Object elements, BlockCodec codec) throws IOException {
        byte[] payload = codec.encode(ByteCodec.toBytes(type, elements, ByteOrder.BIG_ENDIAN));
        ByteBuffer out = ByteBuffer.allocate(4 + 4 * size.length + payload.length).order(ByteOrder.BIG_ENDIAN);
        out.putShort((short) DEFAULT).putShort((short) size.length);
        for (int s : size) {
            out.putInt(s);
        }
        return out.put(payload).array();
    }
}
