package org.cmgseg.segmentation.graph;

import java.util.Arrays;

/**
 * The region adjacency graph of a fragment volume: one edge per pair of touching fragments (u < v,
 * both non-zero, background edges dropped), numbered in the order of (u, v). The edges of each u
 * are a contiguous range, sorted by v, which is how an edge is found.
 */
public final class RegionGraph {

    /** Edge ranges up to this long are scanned whole (most are a few edges long), longer ones searched by halves. */
    private static final int SHORT_RANGE = 16;

    private final int[] first;
    private final int[] u;
    private final int[] v;

    /** Edges {@code first[n]..first[n + 1] - 1} join n to {@code v[...]}, ascending. */
    RegionGraph(int[] first, int[] v) {
        this.first = first;
        this.v = v;
        u = new int[v.length];
        for (int n = 0; n + 1 < first.length; n++) {
            Arrays.fill(u, first[n], first[n + 1], n);
        }
    }

    /**
     * The graph of the given edges, each a pair {@code (long) u << 32 | v} with 0 < u < v < nodes, ascending
     * and without repeats (edges found elsewhere, say blockwise).
     */
    public static RegionGraph of(int nodes, long[] pairs) {
        int[] first = new int[nodes + 1];
        int[] v = new int[pairs.length];
        for (int e = 0; e < pairs.length; e++) {
            first[(int) (pairs[e] >>> 32) + 1]++;
            v[e] = (int) pairs[e];
        }
        for (int n = 0; n < nodes; n++) {
            first[n + 1] += first[n];
        }
        return new RegionGraph(first, v);
    }

    /** The number of node ids, 0 (background) included: fragments + 1. */
    public int nodes() {
        return first.length - 1;
    }

    public int edges() {
        return v.length;
    }

    /** The edge (a, b) with a < b, or -1. */
    public int find(int a, int b) {
        return search(first[a], first[a + 1], b);
    }

    /**
     * The edges of {@code count} pairs {@code (long) a << 32 | b} (a < b) into {@code edges}, -1 for a pair
     * that is no edge. Finding many at once lets their cache misses overlap: the ranges of all pairs are
     * loaded first, then searched, and the short searches have no branch that depends on the data.
     */
    void findAll(long[] pairs, int count, int[] edges) {
        for (int p = 0; p < count; p++) {
            edges[p] = first[(int) (pairs[p] >>> 32)];
        }
        for (int p = 0; p < count; p++) {
            edges[p] = search(edges[p], first[(int) (pairs[p] >>> 32) + 1], (int) pairs[p]);
        }
    }

    /** Where b is in v[from, to), or -1. */
    private int search(int from, int to, int b) {
        if (to - from > SHORT_RANGE) {
            int i = Arrays.binarySearch(v, from, to, b);
            return i >= 0 ? i : -1;
        }
        int found = -1;
        for (int i = from; i < to; i++) {
            found = v[i] == b ? i : found;
        }
        return found;
    }

    /** The smaller endpoint of every edge; the array itself, not a copy. */
    public int[] u() {
        return u;
    }

    /** The larger endpoint of every edge; the array itself, not a copy. */
    public int[] v() {
        return v;
    }
}
