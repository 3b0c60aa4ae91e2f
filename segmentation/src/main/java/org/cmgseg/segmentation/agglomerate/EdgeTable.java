package org.cmgseg.segmentation.agglomerate;

import java.util.Arrays;

/**
 * The live edges by their key (the pair of regions they join), by open addressing with linear
 * probing. A slot holds the edge number and the upper half of its key's hash, which locates the
 * slot, so probes seldom touch the key array (about 16 bytes an edge).
 * <p>
 * Nothing is ever taken out of a slot: an edge whose key changes leaves its old slot behind, and a
 * removed edge's key becomes {@link #GONE}. A slot counts only while its edge's current key is the
 * one looked up, so the slots left behind never match again; when they fill the table, it is built
 * anew from the keys that are not gone. Taking entries out (shifting the following ones back) was
 * most of the agglomeration's time: each removal is a cache miss of its own.
 * <p>
 * Whether an edge is live is also kept as one bit an edge, small enough to stay cached: the
 * incidence lists ask it of every edge they hold, and reading the keys instead was a cache miss each.
 */
final class EdgeTable {

    static final int ABSENT = -1;
    /** The key of an edge that is not in the table; no pair of regions packs to it. */
    static final long GONE = -1L;

    private static final long EMPTY = 0;

    private final long[] keys;
    private final long[] liveBits;
    private long[] slots;
    /** Slots taken, those left behind included. */
    private int filled;
    private int found;

    /** A table of every edge of the given key array, whose keys must differ. */
    EdgeTable(long[] keys) {
        this.keys = keys;
        liveBits = new long[(keys.length + 63) >>> 6];
        for (int e = 0; e < keys.length; e++) {
            if (keys[e] != GONE) {
                liveBits[e >>> 6] |= 1L << e;
            }
        }
        fill();
    }

    int get(long key) {
        int hash = hash(key);
        for (int i = home(hash); slots[i] != EMPTY; i = next(i)) {
            if (holds(slots[i], hash, key)) {
                return edge(slots[i]);
            }
        }
        return ABSENT;
    }

    /** The home slot of a key, read (to bring it into the cache). */
    long slotOf(long key) {
        return slots[home(hash(key))];
    }

    /**
     * Another edge under the current key of {@code edge}, if there is one (then {@link #replaceFound}
     * may put {@code edge} in its place); otherwise adds {@code edge} under its current key and returns
     * ABSENT.
     */
    int putIfAbsent(int edge) {
        long key = keys[edge];
        int hash = hash(key);
        int i = home(hash);
        while (slots[i] != EMPTY) {
            if (holds(slots[i], hash, key) && edge(slots[i]) != edge) {
                found = i;
                return edge(slots[i]);
            }
            i = next(i);
        }
        slots[i] = slot(hash, edge);
        liveBits[edge >>> 6] |= 1L << edge;
        if (++filled > slots.length / 4 * 3) {
            fill();
        }
        return ABSENT;
    }

    /** Puts an edge with the same key in place of the one the last {@link #putIfAbsent} found, which is removed. */
    void replaceFound(int edge) {
        remove(edge(slots[found]));
        slots[found] = (slots[found] & 0xFFFFFFFF00000000L) | (edge + 1L);
        liveBits[edge >>> 6] |= 1L << edge;
    }

    /** Removes an edge (its key becomes {@link #GONE}). */
    void remove(int edge) {
        keys[edge] = GONE;
        liveBits[edge >>> 6] &= ~(1L << edge);
    }

    /** Whether an edge is in the table (its key is not {@link #GONE}). */
    boolean live(int edge) {
        return (liveBits[edge >>> 6] & 1L << edge) != 0;
    }

    /** A new table, twice the size of the edges not gone, holding them. */
    private void fill() {
        int live = 0;
        for (long key : keys) {
            if (key != GONE) {
                live++;
            }
        }
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, 2L * live));
        if (slots != null && slots.length == capacity) {
            Arrays.fill(slots, EMPTY);
        } else {
            slots = null; // so that the old table can be collected while the new one is allocated
            slots = new long[capacity];
        }
        filled = live;
        for (int e = 0; e < keys.length; e++) {
            if (keys[e] != GONE) {
                int hash = hash(keys[e]);
                int i = home(hash);
                while (slots[i] != EMPTY) {
                    i = next(i);
                }
                slots[i] = slot(hash, e);
            }
        }
    }

    private boolean holds(long slot, int hash, long key) {
        return (int) (slot >>> 32) == hash && keys[edge(slot)] == key;
    }

    private static long slot(int hash, int edge) {
        return (long) hash << 32 | (edge + 1L);
    }

    private static int edge(long slot) {
        return (int) slot - 1;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h >>> 32);
    }

    private int home(int hash) {
        return (int) (((hash & 0xFFFFFFFFL) * slots.length) >>> 32);
    }

    private int next(int i) {
        return i + 1 == slots.length ? 0 : i + 1;
    }
}
