package org.cmgseg.segmentation.agglomerate;

import java.util.Arrays;
import org.cmgseg.segmentation.util.ArrayGrowth;

/**
 * The merges of an agglomeration in the order they happened: merge i folded region v(i) into region
 * u(i) (u < v; the result keeps u) through an edge of score score(i). Regions are dense fragment
 * indices; the prefix of the first k merges is the segmentation after k merges.
 */
public final class MergeHistory {

    private int[] u = new int[16];
    private int[] v = new int[16];
    private float[] score = new float[16];
    private int size;

    void add(int a, int b, float s) {
        if (size == u.length) {
            int capacity = ArrayGrowth.next(size, size + 1);
            u = Arrays.copyOf(u, capacity);
            v = Arrays.copyOf(v, capacity);
            score = Arrays.copyOf(score, capacity);
        }
        u[size] = a;
        v[size] = b;
        score[size] = s;
        size++;
    }

    public int size() {
        return size;
    }

    public int u(int i) {
        return u[i];
    }

    public int v(int i) {
        return v[i];
    }

    public float score(int i) {
        return score[i];
    }

    /**
     * The region (dense index of its surviving fragment) of every node 0..nodes-1 after the first
     * {@code merges} merges.
     */
    public int[] regionsAfter(int merges, int nodes) {
        int[] parent = new int[nodes];
        for (int n = 0; n < nodes; n++) {
            parent[n] = n;
        }
        for (int i = 0; i < merges; i++) {
            parent[v[i]] = u[i];
        }
        for (int n = 0; n < nodes; n++) {
            int root = n;
            while (parent[root] != root) {
                root = parent[root];
            }
            int m = n;
            while (parent[m] != root) {
                int next = parent[m];
                parent[m] = root;
                m = next;
            }
        }
        return parent;
    }
}
