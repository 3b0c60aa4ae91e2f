package org.cmgseg.segmentation.graph;

import java.util.Arrays;

/**
 * For each fragment, the fragments with a larger id that it touches, found while scanning (each
 * fragment touches only a few, so a list scanned from the start is quicker than any table).
 */
final class NeighbourLists {

    private static final int[] EMPTY = new int[0];

    private final int[][] lists;
    private final int[] sizes;

    NeighbourLists(int nodes) {
        lists = new int[nodes][];
        Arrays.fill(lists, EMPTY);
        sizes = new int[nodes];
    }

    /** Records that lo touches hi (lo < hi). */
    void add(int lo, int hi) {
        int[] list = lists[lo];
        int n = sizes[lo];
        for (int i = 0; i < n; i++) {
            if (list[i] == hi) {
                return;
            }
        }
        if (n == list.length) {
            list = lists[lo] = Arrays.copyOf(list, Math.max(4, 2 * n));
        }
        list[n] = hi;
        sizes[lo] = n + 1;
    }

    int[] list(int node) {
        return lists[node];
    }

    int size(int node) {
        return sizes[node];
    }

    /** Replaces a node's list (by a sorted one of {@code size} entries). */
    void set(int node, int[] list, int size) {
        lists[node] = list;
        sizes[node] = size;
    }
}
