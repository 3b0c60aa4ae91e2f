package org.cmgseg.segmentation.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Finding edges, one at a time and many at once, against the position of each pair in the sorted pair
 * list: nodes with a few neighbours (scanned) and with many (searched by halves), pairs that are no edge.
 */
class RegionGraphTest {

    private static final int NODES = 60;

    @Test
    void findsEveryEdgeAndNothingElse() {
        SplittableRandom random = new SplittableRandom(5);
        TreeSet<Long> edges = new TreeSet<>();
        for (int a = 1; a < NODES; a++) {
            // node 1 touches every larger node, so its range is longer than a scan covers; others touch 0 to 20
            int degree = a == 1 ? NODES : random.nextInt(21);
            for (int k = 0; k < degree; k++) {
                int b = a == 1 ? 2 + k : a + 1 + random.nextInt(NODES);
                if (b < NODES) {
                    edges.add((long) a << 32 | b);
                }
            }
        }
        long[] pairs = edges.stream().mapToLong(Long::longValue).toArray();
        RegionGraph graph = RegionGraph.of(NODES, pairs);
        long[] asked = new long[NODES * NODES];
        int count = 0;
        for (int a = 1; a < NODES; a++) {
            for (int b = a + 1; b < NODES; b++) {
                asked[count++] = (long) a << 32 | b;
            }
        }
        int[] found = new int[count];
        graph.findAll(asked, count, found);
        for (int p = 0; p < count; p++) {
            int expected = Math.max(-1, Arrays.binarySearch(pairs, asked[p]));
            int a = (int) (asked[p] >>> 32);
            int b = (int) asked[p];
            assertEquals(expected, graph.find(a, b), a + "-" + b);
            assertEquals(expected, found[p], a + "-" + b);
        }
    }
}
