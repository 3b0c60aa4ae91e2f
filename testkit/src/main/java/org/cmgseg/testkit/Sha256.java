package org.cmgseg.testkit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The fixtures' hash: SHA-256 of a primitive array in C order, each element little-endian at its own width. */
public final class Sha256 {

    private Sha256() {
    }

    public static String of(Object array) {
        ByteBuffer bytes;
        if (array instanceof byte[] a) {
            bytes = ByteBuffer.wrap(a);
        } else if (array instanceof short[] a) {
            bytes = buffer(a.length * 2);
            bytes.asShortBuffer().put(a);
        } else if (array instanceof int[] a) {
            bytes = buffer(a.length * 4);
            bytes.asIntBuffer().put(a);
        } else if (array instanceof float[] a) {
            bytes = buffer(a.length * 4);
            bytes.asFloatBuffer().put(a);
        } else if (array instanceof long[] a) {
            bytes = buffer(a.length * 8L);
            bytes.asLongBuffer().put(a);
        } else if (array instanceof double[] a) {
            bytes = buffer(a.length * 8L);
            bytes.asDoubleBuffer().put(a);
        } else {
            throw new IllegalArgumentException("not a primitive numeric array: " + array.getClass());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ByteBuffer buffer(long bytes) {
        return ByteBuffer.allocate(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
    }
}
