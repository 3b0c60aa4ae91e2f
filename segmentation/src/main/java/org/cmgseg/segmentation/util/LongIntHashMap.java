package org.cmgseg.segmentation.util;

/**
 * A map from non-zero longs to non-negative ints, by open addressing with linear probing; removal
 * shifts the following entries back, so the table never fills with tombstones.
 */
public final class LongIntHashMap {

    public static final int ABSENT = -1;

    private long[] keys;
    private int[] values;
    private int mask;
    private int size;

    public LongIntHashMap(int expected) {
        allocate(tableSize(expected));
    }

    public int get(long key) {
        int i = slot(key);
        for (long k = keys[i]; k != 0; k = keys[i]) {
            if (k == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return ABSENT;
    }

    /** Adds or replaces the value of a non-zero key. */
    public void put(long key, int value) {
        int i = slot(key);
        for (long k = keys[i]; k != 0; k = keys[i]) {
            if (k == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        if (++size > keys.length >> 1) {
            rehash(keys.length * 2);
        }
    }

    public void remove(long key) {
        int i = slot(key);
        for (long k = keys[i]; k != key; k = keys[i]) {
            if (k == 0) {
                return;
            }
            i = (i + 1) & mask;
        }
        size--;
        int hole = i;
        for (int j = (hole + 1) & mask; keys[j] != 0; j = (j + 1) & mask) {
            int home = slot(keys[j]);
            // entry j may fill the hole unless its home lies cyclically in (hole, j]
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = 0;
    }

    public int size() {
        return size;
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    private void rehash(int capacity) {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(capacity);
        for (int s = 0; s < oldKeys.length; s++) {
            if (oldKeys[s] != 0) {
                int i = slot(oldKeys[s]);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[s];
                values[i] = oldValues[s];
            }
        }
    }

    /** The finaliser of MurmurHash3, which spreads every input bit, cut to the table. */
    private int slot(long key) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h & mask;
    }

    /** A power-of-two table size that keeps the load at most one half. */
    private static int tableSize(int expected) {
        long size = Long.highestOneBit(Math.max(4L, 2L * expected - 1)) << 1;
        if (size > 1 << 30) {
            throw new IllegalArgumentException("a hash table of " + expected + " entries is too large");
        }
        return (int) size;
    }
}
