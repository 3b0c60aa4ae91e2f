package org.cmgseg.affinities.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Primitive arrays to bytes and back, in a given byte order. */
public final class ByteCodec {

    private ByteCodec() {
    }

    public static Object toArray(DataType type, byte[] bytes, int offset, int n, ByteOrder order) {
        return toArray(type, bytes, offset, n, order, type.allocate(n));
    }

    /** The same into the first n elements of {@code array} (of the type's array class), which it returns. */
    public static Object toArray(DataType type, byte[] bytes, int offset, int n, ByteOrder order, Object array) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, n * type.bytes()).slice().order(order);
        switch (type.bytes()) {
            case 1 -> buffer.get((byte[]) array, 0, n);
            case 2 -> buffer.asShortBuffer().get((short[]) array, 0, n);
            case 4 -> {
                if (type.floating()) {
                    buffer.asFloatBuffer().get((float[]) array, 0, n);
                } else {
                    buffer.asIntBuffer().get((int[]) array, 0, n);
                }
            }
            default -> {
                if (type.floating()) {
                    buffer.asDoubleBuffer().get((double[]) array, 0, n);
                } else {
                    buffer.asLongBuffer().get((long[]) array, 0, n);
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
