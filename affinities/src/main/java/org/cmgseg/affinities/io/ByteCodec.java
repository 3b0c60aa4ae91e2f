package org.cmgseg.affinities.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Primitive arrays to bytes and back, in a given byte order. */
public final class ByteCodec {

    private ByteCodec() {
    }

    public static Object toArray(DataType type, byte[] bytes, int offset, int n, ByteOrder order) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, n * type.bytes()).slice().order(order);
        Object array = type.allocate(n);
        switch (type.bytes()) {
            case 1 -> buffer.get((byte[]) array);
            case 2 -> buffer.asShortBuffer().get((short[]) array);
            case 4 -> {
                if (type.floating()) {
                    buffer.asFloatBuffer().get((float[]) array);
                } else {
                    buffer.asIntBuffer().get((int[]) array);
                }
            }
            default -> {
                if (type.floating()) {
                    buffer.asDoubleBuffer().get((double[]) array);
                } else {
                    buffer.asLongBuffer().get((long[]) array);
                }
            }
        }
        return array;
    }

    public static byte[] toBytes(DataType type, Object array, ByteOrder order) {
        int n = type.length(array);
        ByteBuffer buffer = ByteBuffer.allocate(n * type.bytes()).order(order);
        switch (type.bytes()) {
            case 1 -> buffer.put((byte[]) array);
            case 2 -> buffer.asShortBuffer().put((short[]) array);
            case 4 -> {
                if (type.floating()) {
                    buffer.asFloatBuffer().put((float[]) array);
                } else {
                    buffer.asIntBuffer().put((int[]) array);
                }
            }
            default -> {
                if (type.floating()) {
                    buffer.asDoubleBuffer().put((double[]) array);
                } else {
                    buffer.asLongBuffer().put((long[]) array);
                }
            }
        }
        return buffer.array();
    }
}
