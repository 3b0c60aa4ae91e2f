package org.cmgseg.segmentation.graph;

/**
 * A small direct-mapped cache of edge keys and their edges. Voxel faces of one pair of fragments
 * come in runs and clusters, so most lookups hit it and skip the slower table behind it.
 */
final class RecentEdges {

    static final int MISS = -1;

    private static final int BITS = 15;

    private final long[] keys = new long[1 << BITS];
    private final int[] edges = new int[1 << BITS];

    int get(long key) {
        int slot = slot(key);
        return keys[slot] == key ? edges[slot] : MISS;
    }

    void put(long key, int edge) {
        int slot = slot(key);
        keys[slot] = key;
        edges[slot] = edge;
    }

    private static int slot(long key) {
        return (int) ((key ^ (key >>> 29)) * 0x9E3779B97F4A7C15L >>> (64 - BITS));
    }
}
