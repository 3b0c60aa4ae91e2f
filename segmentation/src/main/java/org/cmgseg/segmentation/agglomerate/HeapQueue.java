package org.cmgseg.segmentation.agglomerate;

import java.util.Arrays;
import org.cmgseg.segmentation.util.ArrayGrowth;

/**
 * A binary min-heap on scores that pops equal scores in exactly the order of waterz's
 * {@code std::priority_queue}: the hole-moving push and pop of the GNU C++ library's
 * {@code push_heap} and {@code pop_heap} (with {@code __adjust_heap}), where "a is less urgent
 * than b" means {@code a.score > b.score}.
 */
public final class HeapQueue implements EdgeQueue {

    private int[] edges;
    private float[] scores;
    private int size;

    public HeapQueue(int capacity) {
        edges = new int[Math.max(capacity, 4)];
        scores = new float[edges.length];
    }

    @Override
    public void push(int edge, float score) {
        if (size == edges.length) {
            int capacity = ArrayGrowth.next(size, size + 1);
            edges = Arrays.copyOf(edges, capacity);
            scores = Arrays.copyOf(scores, capacity);
        }
        siftUp(size++, edge, score);
    }

    @Override
    public int top() {
        return edges[0];
    }

    @Override
    public void pop() {
        int len = --size;
        if (len == 0) {
            return;
        }
        int lastEdge = edges[len];
        float lastScore = scores[len];
        int hole = 0;
        while (hole < (len - 1) / 2) {
            int child = 2 * (hole + 1);
            if (scores[child] > scores[child - 1]) {
                child--;
            }
            move(child, hole);
            hole = child;
        }
        if ((len & 1) == 0 && hole == (len - 2) / 2) {
            int child = 2 * hole + 1;
            move(child, hole);
            hole = child;
        }
        siftUp(hole, lastEdge, lastScore);
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    /** Moves the hole at {@code hole} up while its parent is less urgent than the entry, then stores the entry there. */
    private void siftUp(int hole, int edge, float score) {
        while (hole > 0) {
            int parent = (hole - 1) / 2;
            if (!(scores[parent] > score)) {
                break;
            }
            move(parent, hole);
            hole = parent;
        }
        edges[hole] = edge;
        scores[hole] = score;
    }

    private void move(int from, int to) {
        edges[to] = edges[from];
        scores[to] = scores[from];
    }
}
