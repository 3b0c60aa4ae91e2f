package org.cmgseg.segmentation.gridsearch;

import org.cmgseg.core.RunContext;
import java.io.IOException;
import java.util.Arrays;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.fragments.Fragments;
import org.cmgseg.segmentation.graph.RegionGraph;
import org.cmgseg.segmentation.graph.RegionGraphBuilder;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.segmentation.merge.EdgeStatistic;

/**
 * The affinity of every voxel face between two different fragments (neither background), grouped
 * by edge of the region graph and, within an edge, in the order in which building the graph's
 * statistics visits them. Feeding these values (or any elementwise transform of them) to a fresh
 * statistic gives what streaming the (transformed) volume would give, without the volume.
 */
public final class BoundaryFaces {

    /** The faces of edge e are {@code values[start[e]]..values[start[e + 1] - 1]}. */
    private final int[] start;
    private final float[] values;
    private final long[] contact;

    private BoundaryFaces(int[] start, float[] values, long[] contact) {
        this.start = start;
        this.values = values;
        this.contact = contact;
    }

    /** Two passes of the graph builder: one counts each edge's faces, the other records them. */
    public static BoundaryFaces of(RegionGraph graph, Fragments fragments, AffinitySource affinities, RunContext context)
            throws IOException {
        long[] contact = RegionGraphBuilder.accumulate(graph, fragments, affinities, Counting.INSTANCE, context);
        int edges = graph.edges();
        int[] start = new int[edges + 1];
        long total = 0;
        for (int e = 0; e < edges; e++) {
            start[e] = (int) total;
            total += contact[e];
            if (total > VoxelGrid.MAX_ARRAY_ELEMENTS) {
                throw new IllegalArgumentException("the fragments have more than " + VoxelGrid.MAX_ARRAY_ELEMENTS
                        + " boundary faces, more than one array holds");
            }
        }
        start[edges] = (int) total;
        Recording recording = new Recording(start, new float[(int) total]);
        RegionGraphBuilder.accumulate(graph, fragments, affinities, recording, context);
        return new BoundaryFaces(start, recording.values, contact);
    }

    /** The number of faces of all edges. */
    public int size() {
        return values.length;
    }

    /** The untransformed face affinities; the array itself, not a copy. */
    public float[] values() {
        return values;
    }

    /** A fresh copy of the contact areas (faces per edge), for an agglomeration to take over. */
    public long[] contact() {
        return contact.clone();
    }

    /** Adds every face's value, {@code faceValues[i]} for face i (the values or a transform of them), to its edge. */
    public void feed(EdgeStatistic statistic, float[] faceValues) {
        for (int e = 0; e < contact.length; e++) {
            for (int i = start[e], end = start[e + 1]; i < end; i++) {
                statistic.add(e, faceValues[i]);
            }
        }
    }

    /** The first pass needs only the contact areas that the builder returns. */
    private enum Counting implements EdgeStatistic {
        INSTANCE;

        @Override
        public void add(int edge, float affinity) {
        }

        @Override
        public boolean merge(int from, int to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public float value(int edge) {
            throw new UnsupportedOperationException();
        }
    }

    /**
     * Writes each edge's faces one after the other from its start. The builder gives each edge's faces
     * to one thread only, so the per-edge cursors need no synchronisation.
     */
    private static final class Recording implements EdgeStatistic {
        private final int[] cursor;
        private final float[] values;

        Recording(int[] start, float[] values) {
            this.cursor = Arrays.copyOf(start, start.length - 1);
            this.values = values;
        }

        @Override
        public void add(int edge, float affinity) {
            values[cursor[edge]++] = affinity;
        }

        @Override
        public boolean merge(int from, int to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public float value(int edge) {
            throw new UnsupportedOperationException();
        }
    }
}
