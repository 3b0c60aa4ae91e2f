package org.cmgseg.segmentation.agglomerate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class HeapQueueTest {

    /** Worked by hand through push_heap and pop_heap: equal scores leave in the order 0, 2, 4, 1, 3. */
    @Test
    void equalScoresLeaveInLibstdcxxOrder() {
        HeapQueue queue = new HeapQueue(1);
        for (int e = 0; e < 5; e++) {
            queue.push(e, 0.5f);
        }
        assertArrayEquals(new int[] {0, 2, 4, 1, 3}, drain(queue));
    }

    @Test
    void distinctScoresLeaveSorted() {
        HeapQueue queue = new HeapQueue(2);
        float[] scores = {0.7f, 0.1f, 0.9f, 0.3f, 0.5f, 0.2f};
        for (int e = 0; e < scores.length; e++) {
            queue.push(e, scores[e]);
        }
        assertArrayEquals(new int[] {1, 5, 3, 4, 0, 2}, drain(queue));
    }

    /**
     * Any interleaving of pushes and pops, with scores from a handful of values so that ties abound,
     * yields the same front as the spec's heap after every step.
     */
    @Property(tries = 300)
    void frontsMatchTheSpecHeap(@ForAll @Size(max = 400) List<@IntRange(min = -1, max = 5) Integer> operations) {
        HeapQueue queue = new HeapQueue(4);
        SpecHeap spec = new SpecHeap();
        int next = 0;
        for (int op : operations) {
            if (op < 0) {
                if (!spec.isEmpty()) {
                    queue.pop();
                    spec.pop();
                }
            } else {
                queue.push(next, op / 4f);
                spec.push(next, op / 4f);
                next++;
            }
            assertEquals(spec.isEmpty(), queue.isEmpty());
            if (!spec.isEmpty()) {
                assertEquals(spec.top().edge(), queue.top());
            }
        }
        List<Integer> rest = new ArrayList<>();
        while (!spec.isEmpty()) {
            assertEquals(spec.top().edge(), queue.top());
            rest.add(queue.top());
            spec.pop();
            queue.pop();
        }
        assertEquals(true, queue.isEmpty(), "both drained, " + rest.size() + " left at the end");
    }

    static int[] drain(EdgeQueue queue) {
        List<Integer> order = new ArrayList<>();
        while (!queue.isEmpty()) {
            order.add(queue.top());
            queue.pop();
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }
}
