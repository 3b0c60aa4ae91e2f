package org.cmgseg.affinities.source;

import java.util.Arrays;

/**
 * The distinct float32 values of a volume, by bit pattern (so -0.0 and 0.0 are two values), numbered
 * 0, 1, ... in the order they are first seen, at most {@link #CAPACITY} of them. Shared by the threads
 * that encode a slab; each looks values up through its own {@link Cache}, so the lock is taken once per
 * distinct value and thread, not once per value.
 */
final class ValueDictionary {

    /** As many values as a 16-bit code tells apart. */
    static final int CAPACITY = 1 << 16;

    /** Open addressing, at most half full; a slot is empty while its code is -1. */
    private final int[] keys = new int[2 * CAPACITY];
    private final int[] codes = filled(2 * CAPACITY);
    private final float[] values = new float[CAPACITY];
    private int size;
    private boolean full;

    private static int[] filled(int length) {
        int[] codes = new int[length];
        Arrays.fill(codes, -1);
        return codes;
    }

    /** The code of a value's bits, a new one if it is new; -1 when it is new and the dictionary is full. */
    synchronized int code(int bits) {
        int mask = keys.length - 1;
        for (int slot = slot(bits, mask); ; slot = (slot + 1) & mask) {
            if (codes[slot] < 0) {
                if (size == CAPACITY) {
                    full = true;
                    return -1;
                }
                keys[slot] = bits;
                codes[slot] = size;
                values[size] = Float.intBitsToFloat(bits);
                return size++;
            }
            if (keys[slot] == bits) {
                return codes[slot];
            }
        }
    }

    /** Whether a value has been refused a code, as all 16-bit ones were taken. */
    synchronized boolean full() {
        return full;
    }

    /** The value of each code. */
    synchronized float[] values() {
        return Arrays.copyOf(values, size);
    }

    private static int slot(int bits, int mask) {
        int h = bits * 0x9E3779B9;
        return (h ^ h >>> 16) & mask;
    }

    /** One thread's lookups: the codes it has seen, asking the dictionary only for values new to it. */
    final class Cache {

        private int[] cachedKeys = new int[1024];
        private int[] cachedCodes = filled(1024);
        private int cached;

        /** As {@link ValueDictionary#code}. */
        int code(int bits) {
            int mask = cachedKeys.length - 1;
            for (int slot = slot(bits, mask); ; slot = (slot + 1) & mask) {
                int code = cachedCodes[slot];
                if (code < 0) {
                    code = ValueDictionary.this.code(bits);
                    if (code >= 0) {
                        cachedKeys[slot] = bits;
                        cachedCodes[slot] = code;
                        if (++cached > cachedKeys.length / 2) {
                            grow();
                        }
                    }
                    return code;
                }
                if (cachedKeys[slot] == bits) {
                    return code;
                }
            }
        }

        private void grow() {
            int[] oldKeys = cachedKeys;
            int[] oldCodes = cachedCodes;
            cachedKeys = new int[2 * oldKeys.length];
            cachedCodes = filled(cachedKeys.length);
            int mask = cachedKeys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldCodes[i] >= 0) {
                    int slot = slot(oldKeys[i], mask);
                    while (cachedCodes[slot] >= 0) {
                        slot = (slot + 1) & mask;
                    }
                    cachedKeys[slot] = oldKeys[i];
                    cachedCodes[slot] = oldCodes[i];
                }
            }
        }
    }
}
