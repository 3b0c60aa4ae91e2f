package org.cmgseg.segmentation.graph;

import org.cmgseg.affinities.source.AffinitySlab;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.fragments.Fragments;
import org.cmgseg.segmentation.merge.FaceSink;

/**
 * One thread's share of a face pass: the faces of the edges (u, v) with u mod owners = owner. A row's
 * faces are collected first, the edges that {@link RecentEdges} does not know found together
 * ({@link RegionGraph#findAll}, whose cache misses overlap), and then the faces given to the sink in
 * scan order.
 */
final class FaceScan {

    /** A face's edge in {@link #faceEdges} when it is the pending pair p: {@code PENDING - p}. */
    private static final int PENDING = RecentEdges.MISS - 1;

    private final RegionGraph graph;
    private final VoxelGrid grid;
    private final int[] ids;
    private final FaceSink sink;
    private final int owner;
    private final int owners;
    private final RecentEdges recent = new RecentEdges();
    private final int[] offsets = new int[3];
    private float[] affinities;
    /** The current row's faces: their edges (or pending pairs) and affinities. */
    private final int[] faceEdges;
    private final float[] faceValues;
    private int faces;
    /** The pairs of the current row that are still to be found, and then their edges. */
    private final long[] pending;
    private final int[] found;
    private int pendingCount;

    FaceScan(RegionGraph graph, Fragments fragments, FaceSink sink, int owner, int owners) {
        this.graph = graph;
        this.grid = fragments.grid();
        this.ids = fragments.ids();
        this.sink = sink;
        this.owner = owner;
        this.owners = owners;
        int rowFaces = 3 * grid.sizeX();
        faceEdges = new int[rowFaces];
        faceValues = new float[rowFaces];
        pending = new long[rowFaces];
        found = new int[rowFaces];
    }

    /**
     * The faces of rows [rowFrom, rowTo) (z, y pairs) of a slab that holds them. The raster walk is
     * the one of {@link RegionGraphBuilder}'s edge pass, written out again: shared through a visitor
     * interface, the graph stage took 15-20 % longer (64 Mvoxels: 1.58-1.66 s against 1.33-1.46 s).
     */
    void rows(AffinitySlab slab, int rowFrom, int rowTo) {
        affinities = slab.values();
        for (int axis = 0; axis < 3; axis++) {
            offsets[axis] = slab.offset(axis);
        }
        int sx = grid.sizeX();
        int sy = grid.sizeY();
        int slice = sx * sy;
        for (int row = rowFrom; row < rowTo; row++) {
            int z = row / sy;
            int y = row - z * sy;
            int start = row * sx;
            faces = 0;
            pendingCount = 0;
            for (int x = 0; x < sx; x++) {
                int v = start + x;
                int a = ids[v];
                if (a == 0) {
                    continue;
                }
                if (z > 0) {
                    face(0, v, a, ids[v - slice]);
                }
                if (y > 0) {
                    face(1, v, a, ids[v - sx]);
                }
                if (x > 0) {
                    face(2, v, a, ids[v - 1]);
                }
            }
            emitRow();
        }
    }

    private void face(int axis, int voxel, int a, int b) {
        if (b == 0 || a == b) {
            return;
        }
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        if (lo % owners != owner) {
            return;
        }
        long key = (long) lo << 32 | hi;
        int edge = recent.get(key);
        if (edge == RecentEdges.MISS) {
            edge = PENDING - pendingCount;
            pending[pendingCount++] = key;
            recent.put(key, edge);
        }
        faceEdges[faces] = edge;
        faceValues[faces++] = affinities[offsets[axis] + voxel];
    }

    /** Finds the row's pending pairs, puts them in the cache in place of their markers, and gives the faces to the sink. */
    private void emitRow() {
        graph.findAll(pending, pendingCount, found);
        for (int p = 0; p < pendingCount; p++) {
            recent.put(pending[p], found[p]);
        }
        for (int i = 0; i < faces; i++) {
            int edge = faceEdges[i];
            sink.add(edge > RecentEdges.MISS ? edge : found[PENDING - edge], faceValues[i]);
        }
    }
}
