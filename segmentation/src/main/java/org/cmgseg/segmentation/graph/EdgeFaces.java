package org.cmgseg.segmentation.graph;

import java.io.IOException;
import java.util.Arrays;
import org.cmgseg.affinities.source.AffinitySlab;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.affinities.source.SlabStream;
import org.cmgseg.core.Parallel;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.fragments.Fragments;
import org.cmgseg.segmentation.merge.ContactArea;
import org.cmgseg.segmentation.merge.EdgeStatistic;
import org.cmgseg.segmentation.merge.FaceSink;

/**
 * The affinities of the voxel faces between two different fragments (neither background), edge by edge
 * of the region graph and, within an edge, in raster order of the voxels and per voxel in the order
 * z, y, x, which order-sensitive statistics (the running mean) depend on. Every edge statistic is fed
 * this way, the contact area too: {@link #stream} passes the faces straight to statistics fed once (as
 * segment does, holding no face); {@link #of} keeps them, grouped per edge, for statistics fed again
 * and again, of transformed values too (as the grid search does, one per curve and merge function).
 * <p>
 * The affinities are streamed slab by slab, and each z-slice is taken in two steps: threads split its
 * rows to find every face's edge, then split the edges to hand on their faces, each thread reading the
 * rows' faces in order. So each edge sees its faces in scan order and nothing depends on the thread
 * count.
 */
public final class EdgeFaces {

    /** The faces of edge e are {@code values[start[e]]..values[start[e + 1] - 1]}. */
    private final int[] start;
    private final float[] values;

    private EdgeFaces(int[] start, float[] values) {
        this.start = start;
        this.values = values;
    }

    /** Streams the affinities once and gives every face to {@code sink}. */
    public static void stream(RegionGraph graph, Fragments fragments, AffinitySource affinities, FaceSink sink, RunContext context)
            throws IOException {
        VoxelGrid grid = fragments.grid();
        int parts = context.threads();
        FaceScan[] scans = new FaceScan[parts];
        Arrays.setAll(scans, part -> new FaceScan(graph, fragments));
        Task task = context.task("graph", grid.sizeZ());
        int depth = affinities.slabDepth();
        try (SlabStream slabs = affinities.slabs(context)) {
            for (int z0 = 0; z0 < grid.sizeZ(); z0 += depth) {
                int z1 = Math.min(z0 + depth, grid.sizeZ());
                AffinitySlab slab = slabs.next();
                // a slice at a time, so that a slab held in memory whole can be left when the run is cancelled
                for (int z = z0; z < z1; z++) {
                    int rowFrom = z * grid.sizeY();
                    context.forEach(parts, part -> scans[part].rows(slab, rowFrom + Parallel.partStart(grid.sizeY(), parts, part),
                            rowFrom + Parallel.partStart(grid.sizeY(), parts, part + 1)));
                    context.forEach(parts, owner -> {
                        for (FaceScan scan : scans) {
                            scan.feed(sink, owner, parts);
                        }
                    });
                    task.advance(1);
                }
            }
        }
    }

    /** The faces kept: a first stream counts them (the contact area), a second places each at its edge's next slot. */
    public static EdgeFaces of(RegionGraph graph, Fragments fragments, AffinitySource affinities, RunContext context)
            throws IOException {
        int edges = graph.edges();
        ContactArea area = new ContactArea(edges);
        stream(graph, fragments, affinities, area, context);
        int[] start = new int[edges + 1];
        long total = 0;
        for (int e = 0; e < edges; e++) {
            start[e] = (int) total;
            total += area.area(e);
            if (total > VoxelGrid.MAX_ARRAY_ELEMENTS) {
                throw new IllegalArgumentException("the fragments have more than " + VoxelGrid.MAX_ARRAY_ELEMENTS
                        + " boundary faces, more than one array holds");
            }
        }
        start[edges] = (int) total;
        float[] values = new float[(int) total];
        // the scan hands each edge's faces to one thread only, so the cursors need no synchronisation
        int[] cursor = Arrays.copyOf(start, edges);
        stream(graph, fragments, affinities, (edge, affinity) -> values[cursor[edge]++] = affinity, context);
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

    /** A new contact area of every edge, its number of faces (without a pass over the faces). */
    public ContactArea contactArea() {
        return ContactArea.ofRuns(start);
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
