package org.cmgseg.affinities.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The fixtures' hash: SHA-256 of an array in C order, each element little-endian at its own width. */
public final class Sha256 {

    private Sha256() {
    }

    public static String of(DataType type, Object array) {
        int n = type.length(array);
        ByteBuffer bytes = ByteBuffer.allocate(n * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        switch (type.bytes()) {
            case 1 -> bytes.put((byte[]) array);
            case 2 -> bytes.asShortBuffer().put((short[]) array);
            case 4 -> {
                if (type.floating()) {
                    bytes.asFloatBuffer().put((float[]) array);
                } else {
                    bytes.asIntBuffer().put((int[]) array);
                }
            }
            default -> {
                if (type.floating()) {
                    bytes.asDoubleBuffer().put((double[]) array);
                } else {
                    bytes.asLongBuffer().put((long[]) array);
                }
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
