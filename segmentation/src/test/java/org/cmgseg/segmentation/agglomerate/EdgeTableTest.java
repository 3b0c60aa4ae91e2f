package org.cmgseg.segmentation.agglomerate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The edge table against a HashMap, in a small table so that probes wrap around, slots left behind
 * pile up and the table is built anew many times: edges are removed, or re-keyed and then added, put
 * in the place of an edge with the same key, or dropped, at random.
 */
class EdgeTableTest {

    private static final int EDGES = 12;

    @Property(tries = 300)
    void behavesLikeAMapFromKeysToEdges(@ForAll @Size(max = 300) List<@IntRange(max = 999) Integer> operations) {
        long[] keys = new long[EDGES];
        Map<Long, Integer> model = new HashMap<>();
        for (int e = 0; e < EDGES; e++) {
            keys[e] = key(e * 7);
            model.put(keys[e], e);
        }
        EdgeTable table = new EdgeTable(keys);
        for (int op : operations) {
            int edge = op % EDGES;
            if (keys[edge] != EdgeTable.GONE) {
                model.remove(keys[edge]);
            }
            if (op % 3 == 0) {
                table.remove(edge);
            } else {
                long key = key(op / EDGES);
                keys[edge] = key;
                Integer other = model.get(key);
                int found = table.putIfAbsent(edge);
                assertEquals(other == null ? EdgeTable.ABSENT : other, found);
                if (found == EdgeTable.ABSENT) {
                    model.put(key, edge);
                } else if (op % 3 == 1) {
                    table.replaceFound(edge);
                    assertEquals(EdgeTable.GONE, keys[found]);
                    model.put(key, edge);
                } else {
                    table.remove(edge);
                }
            }
            for (int e = 0; e < EDGES; e++) {
                assertEquals(keys[e] == EdgeTable.GONE ? null : (Integer) e, model.get(keys[e]));
                assertEquals(model.containsValue(e), table.live(e));
            }
            for (Map.Entry<Long, Integer> entry : model.entrySet()) {
                assertEquals(entry.getValue(), table.get(entry.getKey()));
            }
        }
        for (int k = 0; k < 100; k++) {
            assertEquals(model.getOrDefault(key(k), EdgeTable.ABSENT), table.get(key(k)));
        }
    }

    /** One of 90 keys (9 x 10 region pairs). */
    private static long key(int k) {
        return (long) (k % 9) << 32 | (k / 9 % 10);
    }
}
