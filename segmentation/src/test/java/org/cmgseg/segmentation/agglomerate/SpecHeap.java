package org.cmgseg.segmentation.agglomerate;

import java.util.ArrayList;
import java.util.List;

/**
 * The test oracle for {@link HeapQueue}: the GNU C++ library's heap algorithms as the agglomeration
 * spec restates them, written out step by step on a list of entries, with std::greater as the
 * comparison ("a comes after b" when a.score > b.score).
 */
final class SpecHeap {

    record Entry(int edge, float score) {
    }

    private final List<Entry> heap = new ArrayList<>();

    private static boolean lessUrgent(Entry a, Entry b) {
        return a.score() > b.score();
    }

    void push(int edge, float score) {
        heap.add(new Entry(edge, score));
        moveUp(heap.size() - 1, heap.get(heap.size() - 1));
    }

    Entry top() {
        return heap.get(0);
    }

    boolean isEmpty() {
        return heap.isEmpty();
    }

    void pop() {
        Entry last = heap.remove(heap.size() - 1);
        int len = heap.size();
        if (len == 0) {
            return;
        }
        int hole = 0;
        while (2 * hole + 2 < len) {
            int right = 2 * hole + 2;
            int left = right - 1;
            int pick = lessUrgent(heap.get(right), heap.get(left)) ? left : right;
            heap.set(hole, heap.get(pick));
            hole = pick;
        }
        if (len % 2 == 0 && 2 * hole + 1 == len - 1) {
            heap.set(hole, heap.get(len - 1));
            hole = len - 1;
        }
        moveUp(hole, last);
    }

    private void moveUp(int hole, Entry entry) {
        while (hole > 0 && lessUrgent(heap.get((hole - 1) / 2), entry)) {
            heap.set(hole, heap.get((hole - 1) / 2));
            hole = (hole - 1) / 2;
        }
        heap.set(hole, entry);
    }
}
