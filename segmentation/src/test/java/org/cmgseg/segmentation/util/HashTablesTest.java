package org.cmgseg.segmentation.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The open-addressing map against java.util's, with few distinct keys so that probes collide and removals shift. */
class HashTablesTest {

    @Property(tries = 200)
    void mapBehavesLikeHashMap(@ForAll @Size(max = 500) List<@IntRange(min = -40, max = 40) Integer> operations) {
        LongIntHashMap map = new LongIntHashMap(2);
        Map<Long, Integer> model = new HashMap<>();
        int i = 0;
        for (int op : operations) {
            long key = keyOf(Math.abs(op));
            if (op < 0) {
                map.remove(key);
                model.remove(key);
            } else {
                map.put(key, i);
                model.put(key, i);
            }
            i++;
            assertEquals(model.size(), map.size());
        }
        for (int k = 0; k <= 40; k++) {
            assertEquals(model.getOrDefault(keyOf(k), LongIntHashMap.ABSENT), map.get(keyOf(k)));
        }
    }

    /** Non-zero keys spread over the whole range, negative ones included. */
    private static long keyOf(int k) {
        return (k + 1) * 0x9E3779B97F4A7C15L;
    }
}
