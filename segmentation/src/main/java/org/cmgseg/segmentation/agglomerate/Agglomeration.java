package org.cmgseg.segmentation.agglomerate;

import java.util.Arrays;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;
import org.cmgseg.segmentation.graph.RegionGraph;
import org.cmgseg.segmentation.merge.ContactArea;
import org.cmgseg.segmentation.merge.EdgeStatistic;
import org.cmgseg.segmentation.merge.MergeFunction;

/**
 * waterz's iterative region merging. Every edge is scored once (in edge order) and queued; then, for
 * each threshold in increasing order, the front edge is taken while its score is below the
 * threshold: a deleted edge is dropped, a stale one is rescored and queued again, any other merges
 * its regions, the one with the larger label into the one with the smaller (which keeps its label).
 * Where both regions have an edge to the same neighbour, the edge of larger stored score is deleted
 * and its statistic folded into the other, which becomes stale if that changed its statistic (on
 * equal scores the edge of the larger-labelled region stays, as in waterz). Merging continues from
 * one threshold to the next. Knows nothing of the statistic it runs.
 * <p>
 * Internally a region is one of its fragments (its representative), not necessarily its label: the
 * region with fewer edges joins the other, so only its edges change their keys. That decides
 * nothing, only how much work a merge is.
 */
public final class Agglomeration {

    private static final byte STALE = 1;
    private static final byte DELETED = 2;
    /** Merges between two advances of the progress (each a cancellation check). */
    private static final int MERGES_PER_ADVANCE = 1 << 12;
    /** The least number of remaining edges a thread looks up, so that smaller graphs are shared among threads too. */
    private static final int LOOKUPS_PER_PART = 1 << 8;

    private final MergeFunction function;
    private final EdgeStatistic statistic;
    private final EdgeQueue queue;
    /** The two representatives an edge joins, smaller first, packed into a long; {@link EdgeTable#GONE} once merged or deleted. */
    private final long[] key;
    private final float[] score;
    private final byte[] state;
    private final ContactArea contact;
    /** The label of each representative's region: its smallest fragment. */
    private final int[] label;
    private final IncidenceLists incidence;
    private final EdgeTable table;
    private final MergeHistory history = new MergeHistory();
    private final IncidenceLists.Liveness live;
    private final RunContext context;
    private float mergedUntil = -Float.MAX_VALUE;
    /** What {@link #touchSlots} read, kept so that the compiler keeps the reads. */
    private long touched;

    /** Takes over {@code contact} and {@code statistic}, both folded as edges combine. */
    public Agglomeration(RegionGraph graph, ContactArea contact, MergeFunction function, EdgeStatistic statistic, EdgeQueue queue) {
        this(graph, contact, function, statistic, queue, RunContext.sequential());
    }

    /**
     * As above, with the three parts of setting up (the edge table, the incidence lists, the scored queue), which
     * share nothing, and the look-ups of {@link #remainingGraph}, on the context's threads.
     */
    public Agglomeration(RegionGraph graph, ContactArea contact, MergeFunction function, EdgeStatistic statistic, EdgeQueue queue,
            RunContext context) {
        this.function = function;
        this.statistic = statistic;
        this.queue = queue;
        this.contact = contact;
        this.context = context;
        int edges = graph.edges();
        int[] u = graph.u();
        int[] v = graph.v();
        key = new long[edges];
        score = new float[edges];
        state = new byte[edges];
        label = new int[graph.nodes()];
        Arrays.setAll(label, n -> n);
        EdgeTable[] madeTable = new EdgeTable[1];
        IncidenceLists[] madeLists = new IncidenceLists[1];
        context.forEach(3, part -> {
            if (part == 0) {
                for (int e = 0; e < edges; e++) {
                    key[e] = pair(u[e], v[e]);
                }
                madeTable[0] = new EdgeTable(key);
            } else if (part == 1) {
                madeLists[0] = new IncidenceLists(graph.nodes(), u, v);
            } else {
                for (int e = 0; e < edges; e++) {
                    score[e] = function.score(statistic, e);
                    queue.push(e, score[e]);
                }
            }
        });
        table = madeTable[0];
        incidence = madeLists[0];
        live = table::live;
    }

    /**
     * Merges until the front edge scores at least {@code threshold}; returns the number of merges, by which
     * it advances {@code progress} every few thousand merges (and stops there if the run was cancelled).
     */
    public int mergeUntil(float threshold, Task progress) {
        if (threshold <= mergedUntil) {
            return 0;
        }
        int merged = 0;
        while (!queue.isEmpty()) {
            int next = queue.top();
            float s = score[next];
            if (s >= threshold) {
                break;
            }
            queue.pop();
            if ((state[next] & DELETED) != 0) {
                continue;
            }
            if ((state[next] & STALE) != 0) {
                score[next] = function.score(statistic, next);
                queue.push(next, score[next]);
                state[next] &= ~STALE;
                continue;
            }
            mergeRegions(next, s);
            merged++;
            if (merged % MERGES_PER_ADVANCE == 0) {
                progress.advance(MERGES_PER_ADVANCE);
            }
        }
        progress.advance(merged % MERGES_PER_ADVANCE);
        mergedUntil = threshold;
        return merged;
    }

    /** The number of edges of the initial region graph. */
    public int edges() {
        return key.length;
    }

    public MergeHistory history() {
        return history;
    }

    /** The live edges with their current scores (stale ones rescored, without touching the queue). */
    public RemainingGraph remainingGraph() {
        int[] representative = new int[label.length];
        for (int r = 0; r < label.length; r++) {
            if (incidence.alive(r)) {
                representative[label[r]] = r;
            }
        }
        long[] labelPairs = new long[key.length];
        int n = 0;
        for (int e = 0; e < key.length; e++) {
            if (live.live(e)) {
                labelPairs[n++] = pair(label[first(key[e])], label[second(key[e])]);
            }
        }
        labelPairs = Arrays.copyOf(labelPairs, n);
        Arrays.sort(labelPairs);
        int[] u = new int[n];
        int[] v = new int[n];
        float[] scores = new float[n];
        long[] area = new long[n];
        long[] sorted = labelPairs;
        context.forRange(n, LOOKUPS_PER_PART, (from, to) -> {
            for (int i = from; i < to; i++) {
                u[i] = first(sorted[i]);
                v[i] = second(sorted[i]);
                int e = table.get(pair(representative[u[i]], representative[v[i]]));
                scores[i] = (state[e] & STALE) != 0 ? function.score(statistic, e) : score[e];
                area[i] = contact.area(e);
            }
        });
        return new RemainingGraph(u, v, scores, area);
    }

    private void mergeRegions(int e, float s) {
        int r1 = first(key[e]);
        int r2 = second(key[e]);
        int repA = label[r1] < label[r2] ? r1 : r2;
        int repB = repA == r1 ? r2 : r1;
        history.add(label[repA], label[repB], s);
        table.remove(e);
        int small = incidence.size(repA) <= incidence.size(repB) ? repA : repB;
        int large = small == repA ? repB : repA;
        boolean smallIsB = small == repB;
        label[large] = label[repA];
        int[] list = incidence.list(small);
        int size = incidence.size(small);
        incidence.drop(small);
        touchSlots(list, size, small, large);
        for (int i = 0; i < size; i++) {
            int f = list[i];
            if (!live.live(f)) {
                continue;
            }
            int neighbour = first(key[f]) == small ? second(key[f]) : first(key[f]);
            key[f] = pair(large, neighbour);
            int g = table.putIfAbsent(f);
            if (g == EdgeTable.ABSENT) {
                incidence.add(large, f, live);
                continue;
            }
            // f is the edge of the small region, g that of the large one; waterz compares B's with A's
            int ofB = smallIsB ? f : g;
            int ofA = smallIsB ? g : f;
            int kept = score[ofB] > score[ofA] ? ofA : ofB;
            combine(kept == ofA ? ofB : ofA, kept);
            if (kept == f) {
                table.replaceFound(f);
                incidence.add(large, f, live);
            } else {
                table.remove(f);
            }
        }
    }

    /**
     * Loads the table slots where the edges of {@code small} will be looked up once they join {@code large}.
     * Independent loads, so their cache misses overlap; the merge then finds the slots cached, instead of
     * waiting for one miss after another.
     */
    private void touchSlots(int[] list, int size, int small, int large) {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            if (table.live(list[i])) {
                long k = key[list[i]];
                sum += table.slotOf(pair(large, first(k) == small ? second(k) : first(k)));
            }
        }
        touched += sum;
    }

    /** Deletes edge {@code from}, folding its statistic and contact area into {@code to}. */
    private void combine(int from, int to) {
        if (statistic.merge(from, to)) {
            state[to] |= STALE;
        }
        contact.merge(from, to);
        state[from] |= DELETED;
    }

    private static long pair(int a, int b) {
        return a < b ? (long) a << 32 | b : (long) b << 32 | a;
    }

    private static int first(long pair) {
        return (int) (pair >>> 32);
    }

    private static int second(long pair) {
        return (int) pair;
    }
}
