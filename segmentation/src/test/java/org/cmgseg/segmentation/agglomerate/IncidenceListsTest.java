package org.cmgseg.segmentation.agglomerate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The incidence lists against plain lists: a small graph whose edges die, whose nodes take more edges (past the
 * length of their lists, so that lists are squeezed and grow) and are dropped, at random. Each node that is there
 * lists its live edges in the order they came.
 */
class IncidenceListsTest {

    private static final int NODES = 6;

    @Property(tries = 500)
    void listTheLiveEdgesInTheOrderTheyCame(@ForAll @Size(max = 30) List<@IntRange(max = NODES * NODES - 1) Integer> edges,
            @ForAll @Size(max = 300) List<@IntRange(max = 9999) Integer> operations) {
        List<Integer> u = new ArrayList<>();
        List<Integer> v = new ArrayList<>();
        for (int pair : edges) {
            if (pair / NODES != pair % NODES) {
                u.add(Math.min(pair / NODES, pair % NODES));
                v.add(Math.max(pair / NODES, pair % NODES));
            }
        }
        int total = u.size() + operations.size();
        boolean[] live = new boolean[total];
        List<List<Integer>> model = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
            model.add(new ArrayList<>());
        }
        for (int e = 0; e < u.size(); e++) {
            live[e] = true;
            model.get(u.get(e)).add(e);
            model.get(v.get(e)).add(e);
        }
        IncidenceLists lists = new IncidenceLists(NODES, u.stream().mapToInt(Integer::intValue).toArray(),
                v.stream().mapToInt(Integer::intValue).toArray());
        int next = u.size();
        for (int op : operations) {
            int node = op % NODES;
            if (op % 7 == 0) {
                lists.drop(node);
                model.set(node, null);
            } else if (op % 3 == 0) {
                live[op % total] = false;
            } else if (model.get(node) != null) {
                live[next] = true;
                lists.add(node, next, e -> live[e]);
                model.get(node).add(next++);
            }
            for (int n = 0; n < NODES; n++) {
                assertEquals(model.get(n) != null, lists.alive(n));
                if (model.get(n) != null) {
                    List<Integer> expected = model.get(n).stream().filter(e -> live[e]).toList();
                    List<Integer> actual = new ArrayList<>();
                    int[] list = lists.list(n);
                    for (int i = 0; i < lists.size(n); i++) {
                        if (live[list[i]]) {
                            actual.add(list[i]);
                        }
                    }
                    assertEquals(expected, actual, "node " + n);
                }
            }
        }
    }
}
