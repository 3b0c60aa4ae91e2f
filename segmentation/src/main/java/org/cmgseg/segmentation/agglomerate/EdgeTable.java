package org.cmgseg.segmentation.agglomerate;

/**
 * The live edges by their key (the pair of regions they join), by open addressing with linear
 * probing. A slot holds the edge number and the upper half of its key's hash, which locates the
 * slot, so probes and removals seldom touch the key array (about 13 bytes an edge). Removal shifts
 * the following entries back (no tombstones). The table never grows: edges only disappear.
 */
final class EdgeTable {

    static final int ABSENT = -1;

    private static final long EMPTY = 0;

    private final long[] keys;
    private final long[] slots;
    private int found;

    /** A table for up to {@code edges} entries of the given key array. */
    EdgeTable(long[] keys, int edges) {
        this.keys = keys;
        slots = new long[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, edges * 5L / 3))];
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

    /**
     * The edge under the current key of {@code edge}, if there is one (then {@link #replaceFound}
     * may put {@code edge} in its place); otherwise adds {@code edge} and returns ABSENT.
     */
    int putIfAbsent(int edge) {
        long key = keys[edge];
        int hash = hash(key);
        int i = home(hash);
        while (slots[i] != EMPTY) {
            if (holds(slots[i], hash, key)) {
                found = i;
                return edge(slots[i]);
            }
            i = next(i);
        }
        slots[i] = (long) hash << 32 | (edge + 1L);
        return ABSENT;
    }

    /** Puts an edge with the same key in place of the one the last {@link #putIfAbsent} found. */
    void replaceFound(int edge) {
        slots[found] = (slots[found] & 0xFFFFFFFF00000000L) | (edge + 1L);
    }

    /** Removes an edge, which must be in the table under its current key. */
    void remove(int edge) {
        int hash = hash(keys[edge]);
        long slot = (long) hash << 32 | (edge + 1L);
        int hole = home(hash);
        while (slots[hole] != EMPTY && slots[hole] != slot) {
            hole = next(hole);
        }
        if (slots[hole] == EMPTY) {
            return;
        }
        for (int j = next(hole); slots[j] != EMPTY; j = next(j)) {
            int home = home((int) (slots[j] >>> 32));
            // the entry at j may move to the hole unless its home lies cyclically in (hole, j]
            if (distance(home, j) >= distance(hole, j)) {
                slots[hole] = slots[j];
                hole = j;
            }
        }
        slots[hole] = EMPTY;
    }

    private boolean holds(long slot, int hash, long key) {
        return (int) (slot >>> 32) == hash && keys[edge(slot)] == key;
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

    private int distance(int from, int to) {
        return to >= from ? to - from : to + slots.length - from;
    }
}
