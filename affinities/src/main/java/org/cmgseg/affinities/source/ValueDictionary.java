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

    /** Open addressing, at most half full. */
    private final Table table = new Table(2 * CAPACITY);
    private final float[] values = new float[CAPACITY];
    private int size;
    private boolean full;

    /** The code of a value's bits, a new one if it is new; -1 when it is new and the dictionary is full. */
    synchronized int code(int bits) {
        int slot = table.find(bits);
        if (table.codes[slot] >= 0) {
            return table.codes[slot];
        }
        if (size == CAPACITY) {
            full = true;
            return -1;
        }
        table.put(slot, bits, size);
        values[size] = Float.intBitsToFloat(bits);
        return size++;
    }

    /** Whether a value has been refused a code, as all 16-bit ones were taken. */
    synchronized boolean full() {
        return full;
    }

    /** The value of each code. */
    synchronized float[] values() {
        return Arrays.copyOf(values, size);
    }

    /** Codes by value bits, open addressing by a multiplicative hash; a slot is empty while its code is -1. */
    static final class Table {
        final int[] keys;
        final int[] codes;
        final int shift;

        /** A table of {@code length} slots, a power of two. */
        Table(int length) {
            keys = new int[length];
            codes = new int[length];
            Arrays.fill(codes, -1);
            shift = Integer.numberOfLeadingZeros(length) + 1;
        }

        int home(int bits) {
            return home(bits, shift);
        }

        /** The first slot to look at for the bits in a table of {@code 1 << (32 - shift)} slots. */
        static int home(int bits, int shift) {
            return bits * 0x9E3779B9 >>> shift;
        }

        /** The slot of the bits, or the empty slot where they would go. */
        int find(int bits) {
            int mask = keys.length - 1;
            int slot = home(bits);
            while (codes[slot] >= 0 && keys[slot] != bits) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        void put(int slot, int bits, int code) {
            keys[slot] = bits;
            codes[slot] = code;
        }
    }

    /**
     * One thread's lookups: the codes it has seen, in a table at most an eighth full, so that nearly every value is
     * found at its home slot (where the encoding loop looks first, in {@link #table}); the dictionary is asked only
     * for values new to the thread.
     */
    final class Cache {

        private Table cached = new Table(4096);
        private int count;

        /** The table as it is now; {@link #code} may replace it by a larger one. */
        Table table() {
            return cached;
        }

        /** As {@link ValueDictionary#code}. */
        int code(int bits) {
            int slot = cached.find(bits);
            if (cached.codes[slot] >= 0) {
                return cached.codes[slot];
            }
            int code = ValueDictionary.this.code(bits);
            if (code >= 0) {
                cached.put(slot, bits, code);
                if (++count > cached.keys.length / 8) {
                    grow();
                }
            }
            return code;
        }

        private void grow() {
            Table old = cached;
            cached = new Table(2 * old.keys.length);
            for (int i = 0; i < old.keys.length; i++) {
                if (old.codes[i] >= 0) {
                    cached.put(cached.find(old.keys[i]), old.keys[i], old.codes[i]);
                }
            }
        }
    }
}
