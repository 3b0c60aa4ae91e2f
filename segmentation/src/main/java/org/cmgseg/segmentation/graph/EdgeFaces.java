package org.cmgseg.segmentation.graph;

import java.io.IOException;
import java.util.Arrays;
import org.cmgseg.affinities.source.AffinitySlab;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.affinities.source.SlabStream;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.fragments.Fragments;
import org.cmgseg.segmentation.merge.EdgeStatistic;

/**
 * The affinity of every voxel face between two different fragments (neither background), grouped by
 * edge of the region graph and, within an edge, in raster order of the voxels and per voxel in the
 * order z, y, x, which order-sensitive statistics (the running mean) depend on. Every edge statistic
 * is fed from here, the contact area too; feeding an elementwise transform of the values gives what
 * streaming the transformed volume would.
 * <p>
 * The affinities are streamed once, slab by slab. Threads split the edges, not the voxels (an edge
 * belongs to thread u mod threads), so each edge sees its faces in that order and nothing depends on
 * the thread count.
 */
public final class EdgeFaces {

    /** The faces of edge e are {@code values[start[e]]..values[start[e + 1] - 1]}. */
    private final int[] start;
    private final float[] values;

    private EdgeFaces(int[] start, float[] values) {
        this.start = start;
        this.values = values;
    }

    public static EdgeFaces of(RegionGraph graph, Fragments fragments, AffinitySource affinities, RunContext context)
            throws IOException {
        VoxelGrid grid = fragments.grid();
        int owners = context.threads();
        FaceScan[] scans = new FaceScan[owners];
        Arrays.setAll(scans, owner -> new FaceScan(graph, fragments, owner, owners));
        Task task = context.task("graph", grid.sizeZ());
        int depth = affinities.slabDepth();
        try (SlabStream slabs = affinities.slabs()) {
            for (int z0 = 0; z0 < grid.sizeZ(); z0 += depth) {
                int z1 = Math.min(z0 + depth, grid.sizeZ());
                AffinitySlab slab = slabs.next();
                int rowFrom = z0 * grid.sizeY();
                int rowTo = z1 * grid.sizeY();
                context.forEach(owners, owner -> scans[owner].rows(slab, rowFrom, rowTo));
                task.advance(z1 - z0);
            }
        }
        return grouped(graph.edges(), scans, context);
    }

    /** A stable counting sort of every scan's faces by edge; scans own disjoint edges, so they place theirs in parallel. */
    private static EdgeFaces grouped(int edges, FaceScan[] scans, RunContext context) {
        int[] start = new int[edges + 1];
        context.forEach(scans.length, s -> scans[s].count(start));
        long total = 0;
        for (int e = 0; e < edges; e++) {
            int count = start[e];
            start[e] = (int) total;
            total += count;
            if (total > VoxelGrid.MAX_ARRAY_ELEMENTS) {
                throw new IllegalArgumentException("the fragments have more than " + VoxelGrid.MAX_ARRAY_ELEMENTS
                        + " boundary faces, more than one array holds");
            }
        }
        start[edges] = (int) total;
        float[] values = new float[(int) total];
        int[] cursor = Arrays.copyOf(start, edges);
        context.forEach(scans.length, s -> scans[s].place(cursor, values));
        return new EdgeFaces(start, values);
    }

    public int edges() {
        return start.length - 1;
    }

    /** The number of faces of all edges. */
    public int size() {
        return values.length;
    }

    /** Where the faces of an edge start in {@link #values()}; those of edge e end where e + 1's start (for e < edges()). */
    public int first(int edge) {
        return start[edge];
    }

    /** The face affinities, edge by edge; the array itself, not a copy. */
    public float[] values() {
        return values;
    }

    /** Feeds every edge's faces, {@code faceValues[i]} for face i (the values or a transform of them), to a statistic; returns it. */
    public <S extends EdgeStatistic> S feed(S statistic, float[] faceValues, RunContext context) {
        context.forRange(edges(), (from, to) -> {
            for (int e = from; e < to; e++) {
                for (int i = start[e], end = start[e + 1]; i < end; i++) {
                    statistic.add(e, faceValues[i]);
                }
            }
        });
        return statistic;
    }
}
