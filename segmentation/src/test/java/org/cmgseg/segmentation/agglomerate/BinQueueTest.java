package org.cmgseg.segmentation.agglomerate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BinQueueTest {

    @Test
    void binsAreFifoAndTheLowestNonEmptyBinIsTheFront() {
        BinQueue queue = new BinQueue(4);
        queue.push(0, 0.60f);
        queue.push(1, 0.55f);
        queue.push(2, 0.30f);
        queue.push(3, 0.26f);
        assertEquals(2, queue.top(), "bin 1 before bin 2");
        queue.pop();
        queue.push(4, 0.01f);
        assertArrayEquals(new int[] {4, 3, 0, 1}, HeapQueueTest.drain(queue), "0.60 before 0.55: same bin, first in first out");
    }

    @Test
    void scoresOutsideTheUnitIntervalGoToTheEndBins() {
        BinQueue queue = new BinQueue(256);
        assertEquals(0, queue.bin(-3f));
        assertEquals(0, queue.bin(0f));
        assertEquals(25, queue.bin(0.1f));
        assertEquals(255, queue.bin(0.99999994f));
        assertEquals(255, queue.bin(1f));
        assertEquals(255, queue.bin(7f));
        assertEquals(255, queue.bin(Float.NaN));
    }

    @Test
    void queueNames() {
        assertEquals(QueueType.EXACT, QueueType.parse("exact"));
        assertEquals(256, QueueType.parse("bins:256").bins());
        assertEquals("bins:256", QueueType.parse(" bins:256 ").toString());
        for (String bad : new String[] {"bins:0", "bins:x", "heap", "256"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QueueType.parse(bad));
            assertTrue(e.getMessage().contains("known: exact"), e.getMessage());
        }
    }

    /** Against an obvious model: one FIFO per bin, the lowest non-empty one in front. */
    @Property(tries = 200)
    void behavesLikeOneFifoPerBin(@ForAll @Size(max = 300) List<@FloatRange(min = -0.5f, max = 1.5f) Float> scores) {
        BinQueue queue = new BinQueue(8);
        List<ArrayDeque<Integer>> model = new ArrayList<>();
        for (int b = 0; b < 8; b++) {
            model.add(new ArrayDeque<>());
        }
        for (int i = 0; i < scores.size(); i++) {
            float s = scores.get(i);
            if (i % 3 == 2 && !queue.isEmpty()) {
                int front = queue.top();
                queue.pop();
                assertEquals(firstNonEmpty(model).poll(), front);
            }
            queue.push(i, s);
            model.get(s < 0 ? 0 : Math.min((int) (s * 8f), 7)).add(i);
        }
        while (!queue.isEmpty()) {
            assertEquals(firstNonEmpty(model).poll(), queue.top());
            queue.pop();
        }
        assertTrue(model.stream().allMatch(ArrayDeque::isEmpty));
    }

    private static ArrayDeque<Integer> firstNonEmpty(List<ArrayDeque<Integer>> bins) {
        return bins.stream().filter(b -> !b.isEmpty()).findFirst().orElseThrow();
    }
}
