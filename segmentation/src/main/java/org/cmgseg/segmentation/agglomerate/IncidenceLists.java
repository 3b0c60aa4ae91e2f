package org.cmgseg.segmentation.agglomerate;

import java.util.Arrays;
import org.cmgseg.segmentation.util.ArrayGrowth;

/**
 * The edges incident to each node. Edges that die stay in lists until the list is dropped or must
 * grow; then the dead are squeezed out first, which bounds them by the live ones.
 */
final class IncidenceLists {

    /** Whether an edge still counts. */
    @FunctionalInterface
    interface Liveness {
        boolean live(int edge);
    }

    private final int[][] lists;
    private final int[] sizes;

    IncidenceLists(int nodes, int[] u, int[] v) {
        sizes = new int[nodes];
        for (int e = 0; e < u.length; e++) {
            sizes[u[e]]++;
            sizes[v[e]]++;
        }
        lists = new int[nodes][];
        for (int n = 0; n < nodes; n++) {
            lists[n] = new int[sizes[n]];
            sizes[n] = 0;
        }
        for (int e = 0; e < u.length; e++) {
            lists[u[e]][sizes[u[e]]++] = e;
            lists[v[e]][sizes[v[e]]++] = e;
        }
    }

    int size(int node) {
        return sizes[node];
    }

    /** The list of a node; only the first {@link #size} entries count. */
    int[] list(int node) {
        return lists[node];
    }

    void add(int node, int edge, Liveness liveness) {
        int[] list = lists[node];
        int n = sizes[node];
        if (n == list.length) {
            int live = 0;
            for (int i = 0; i < n; i++) {
                if (liveness.live(list[i])) {
                    list[live++] = list[i];
                }
            }
            n = live;
            if (n + 1 > list.length * 3 / 4) {
                list = lists[node] = Arrays.copyOf(list, ArrayGrowth.next(list.length, n + 1));
            }
        }
        list[n] = edge;
        sizes[node] = n + 1;
    }

    /** Forgets the list of a node that is gone. */
    void drop(int node) {
        lists[node] = null;
        sizes[node] = 0;
    }

    /** Whether a node is still there (has not been dropped). */
    boolean alive(int node) {
        return lists[node] != null;
    }
}
