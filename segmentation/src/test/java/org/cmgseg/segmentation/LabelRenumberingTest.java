package org.cmgseg.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LabelRenumberingTest {

    @Test
    void numbersLabelsByFirstVoxelAndKeepsBackground() {
        long[] labels = {0, -1L, 1L << 40, 0, -1L, 7, 1L << 40, 0};
        assertEquals(3, LabelRenumbering.renumber(labels));
        assertArrayEquals(new long[] {0, 1, 2, 0, 1, 3, 2, 0}, labels);
    }

    @Test
    void keepsThePartitionOfManyLargeLabels() {
        Random random = new Random(13);
        long[] pool = new long[5000];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = random.nextInt(4) == 0 ? 0 : random.nextLong();
        }
        long[] labels = new long[200_000];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = pool[random.nextInt(pool.length)];
        }
        long[] renumbered = labels.clone();
        int count = LabelRenumbering.renumber(renumbered);

        // the numbering by first appearance, built independently: distinct labels get distinct numbers
        Map<Long, Long> forward = new HashMap<>();
        long next = 1;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == 0) {
                assertEquals(0, renumbered[i]);
                continue;
            }
            Long expected = forward.get(labels[i]);
            if (expected == null) {
                expected = next++;
                forward.put(labels[i], expected);
            }
            assertEquals(expected, renumbered[i], "voxel " + i);
        }
        assertEquals(forward.size(), count);
        assertEquals(count, LabelRenumbering.maxLabel(renumbered));
    }

    @Test
    void maxLabelIsUnsigned() {
        assertEquals(-1L, LabelRenumbering.maxLabel(new long[] {3, -1L, 1L << 62}));
        assertEquals(0, LabelRenumbering.maxLabel(new long[0]));
    }
}
