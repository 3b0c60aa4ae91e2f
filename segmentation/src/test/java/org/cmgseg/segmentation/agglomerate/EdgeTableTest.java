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
 * The edge table against a HashMap, in a small table so that probes wrap around and removals
 * shift entries: edges are removed, and then re-keyed and added (or put in the place of an edge
 * with the same key) at random.
 */
class EdgeTableTest {

    @Property(tries = 300)
    void behavesLikeAMapFromKeysToEdges(@ForAll @Size(max = 300) List<@IntRange(max = 999) Integer> operations) {
        int edges = 12;
        long[] keys = new long[edges];
        EdgeTable table = new EdgeTable(keys, edges);
        Map<Long, Integer> model = new HashMap<>();
        for (int op : operations) {
            int edge = op % edges;
            long key = (long) (op / edges % 9) << 32 | (op / 108);
            boolean inTable = model.get(keys[edge]) != null && model.get(keys[edge]) == edge;
            if (inTable) {
                table.remove(edge);
                model.remove(keys[edge]);
            }
            if (op % 3 != 0) {
                keys[edge] = key;
                Integer before = model.put(key, edge);
                int found = table.putIfAbsent(edge);
                assertEquals(before == null ? EdgeTable.ABSENT : before, found);
                if (found != EdgeTable.ABSENT) {
                    table.replaceFound(edge);
                }
            }
            for (Map.Entry<Long, Integer> entry : model.entrySet()) {
                assertEquals(entry.getValue(), table.get(entry.getKey()));
            }
        }
        for (long k = 0; k < 9; k++) {
            for (long j = 0; j < 10; j++) {
                long key = k << 32 | j;
                assertEquals(model.getOrDefault(key, EdgeTable.ABSENT), table.get(key));
            }
        }
    }
}
