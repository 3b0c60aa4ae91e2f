package org.cmgseg.segmentation.graph;

import java.util.Arrays;
import org.cmgseg.core.Parallel;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.fragments.Fragments;

/**
 * Finds the edges of the region graph in one pass over the fragments: threads take z-ranges and list
 * each fragment's larger neighbours; the lists are united and sorted. The affinities of the edges'
 * voxel faces are gathered by {@link EdgeFaces}.
 */
public final class RegionGraphBuilder {

    private RegionGraphBuilder() {
    }

    /** Reports progress as stage "region graph", in rows of voxels. */
    public static RegionGraph edges(Fragments fragments, RunContext context) {
        VoxelGrid grid = fragments.grid();
        int nodes = fragments.count() + 1;
        int rows = grid.sizeZ() * grid.sizeY();
        int parts = Math.max(1, Math.min(context.threads(), rows));
        NeighbourLists[] found = new NeighbourLists[parts];
        Task task = context.task("region graph", rows);
        context.forEach(parts, t -> found[t] = neighbours(fragments, Parallel.partStart(rows, parts, t),
                Parallel.partStart(rows, parts, t + 1), task));
        NeighbourLists lists = found[0];
        int tasks = Math.max(1, Math.min(4 * context.threads(), nodes >> 12));
        context.forEach(tasks, t -> unite(found, Parallel.partStart(nodes, tasks, t), Parallel.partStart(nodes, tasks, t + 1)));
        int[] first = new int[nodes + 1];
        for (int n = 0; n < nodes; n++) {
            first[n + 1] = Math.addExact(first[n], lists.size(n));
        }
        int[] v = new int[first[nodes]];
        context.forEach(tasks, t -> {
            for (int n = Parallel.partStart(nodes, tasks, t), end = Parallel.partStart(nodes, tasks, t + 1); n < end; n++) {
                System.arraycopy(lists.list(n), 0, v, first[n], lists.size(n));
            }
        });
        return new RegionGraph(first, v);
    }

    private static NeighbourLists neighbours(Fragments fragments, int rowFrom, int rowTo, Task task) {
        VoxelGrid grid = fragments.grid();
        int[] ids = fragments.ids();
        int sx = grid.sizeX();
        int sy = grid.sizeY();
        int slice = sx * sy;
        NeighbourLists lists = new NeighbourLists(fragments.count() + 1);
        RecentEdges recent = new RecentEdges();
        for (int row = rowFrom; row < rowTo; row++) {
            int z = row / sy;
            int y = row - z * sy;
            int start = row * sx;
            for (int x = 0; x < sx; x++) {
                int v = start + x;
                int a = ids[v];
                if (a == 0) {
                    continue;
                }
                if (z > 0) {
                    add(lists, recent, a, ids[v - slice]);
                }
                if (y > 0) {
                    add(lists, recent, a, ids[v - sx]);
                }
                if (x > 0) {
                    add(lists, recent, a, ids[v - 1]);
                }
            }
            task.advance(1);
        }
        return lists;
    }

    private static void add(NeighbourLists lists, RecentEdges recent, int a, int b) {
        if (b == 0 || a == b) {
            return;
        }
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        long key = (long) lo << 32 | hi;
        if (recent.get(key) == RecentEdges.MISS) {
            recent.put(key, 0);
            lists.add(lo, hi);
        }
    }

    /** Leaves in the first part's lists, for nodes [from, to), the sorted union of every part's. */
    private static void unite(NeighbourLists[] parts, int from, int to) {
        for (int n = from; n < to; n++) {
            int total = 0;
            for (NeighbourLists part : parts) {
                total += part.size(n);
            }
            int[] all = parts[0].list(n);
            if (parts.length > 1) {
                all = new int[total];
                int k = 0;
                for (NeighbourLists part : parts) {
                    System.arraycopy(part.list(n), 0, all, k, part.size(n));
                    k += part.size(n);
                }
            }
            Arrays.sort(all, 0, total);
            int unique = 0;
            for (int i = 0; i < total; i++) {
                if (i == 0 || all[i] != all[i - 1]) {
                    all[unique++] = all[i];
                }
            }
            parts[0].set(n, all, unique);
        }
    }
}
