package org.cmgseg.segmentation.graph;

import java.util.Arrays;
import org.cmgseg.affinities.source.AffinitySlab;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.fragments.Fragments;
import org.cmgseg.segmentation.merge.FaceSink;

/**
 * One thread's share of a face pass: the faces of a range of rows, each with its edge and affinity, kept
 * in scan order until {@link #feed} hands them on. A row's faces are collected first, the edges that
 * {@link RecentEdges} does not know found together ({@link RegionGraph#findAll}, whose cache misses
 * overlap).
 */
final class FaceScan {

    /** A face's edge in {@link #faceEdges} when it is the pending pair p: {@code PENDING - p}. */
    private static final int PENDING = RecentEdges.MISS - 1;

    private final RegionGraph graph;
    private final VoxelGrid grid;
    private final int[] ids;
    private final RecentEdges recent = new RecentEdges();
    private final int[] offsets = new int[3];
    private float[] affinities;
    /** The faces of the rows scanned last: their edges (or, within the current row, pending pairs) and affinities. */
    private int[] faceEdges;
    private float[] faceValues;
    private int faces;
    /** The pairs of the current row that are still to be found, and then their edges. */
    private final long[] pending;
    private final int[] found;
    private int pendingCount;

    FaceScan(RegionGraph graph, Fragments fragments) {
        this.graph = graph;
        this.grid = fragments.grid();
        this.ids = fragments.ids();
        int rowFaces = 3 * grid.sizeX();
        faceEdges = new int[rowFaces];
        faceValues = new float[rowFaces];
        pending = new long[rowFaces];
        found = new int[rowFaces];
    }

    /**
     * Collects the faces of rows [rowFrom, rowTo) (z, y pairs) of a slab that holds them, in place of
     * those collected before. The raster walk is the one of {@link RegionGraphBuilder}'s edge pass,
     * written out again: shared through a visitor interface, the graph stage took 15-20 % longer
     * (64 Mvoxels: 1.58-1.66 s against 1.33-1.46 s).
     */
    void rows(AffinitySlab slab, int rowFrom, int rowTo) {
        affinities = slab.values();
        for (int axis = 0; axis < 3; axis++) {
            offsets[axis] = slab.offset(axis);
        }
        int sx = grid.sizeX();
        int sy = grid.sizeY();
        int slice = sx * sy;
        faces = 0;
        for (int row = rowFrom; row < rowTo; row++) {
            int z = row / sy;
            int y = row - z * sy;
            int start = row * sx;
            int rowStart = faces;
            if (faceEdges.length - faces < 3 * sx) {
                faceEdges = Arrays.copyOf(faceEdges, 2 * faceEdges.length);
                faceValues = Arrays.copyOf(faceValues, faceEdges.length);
            }
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
            resolveRow(rowStart);
        }
    }

    private void face(int axis, int voxel, int a, int b) {
        if (b == 0 || a == b) {
            return;
        }
        long key = a < b ? (long) a << 32 | b : (long) b << 32 | a;
        int edge = recent.get(key);
        if (edge == RecentEdges.MISS) {
            edge = PENDING - pendingCount;
            pending[pendingCount++] = key;
            recent.put(key, edge);
        }
        faceEdges[faces] = edge;
        faceValues[faces++] = affinities[offsets[axis] + voxel];
    }

    /** Finds the row's pending pairs, puts them in the cache in place of their markers, and in the row's faces. */
    private void resolveRow(int rowStart) {
        if (pendingCount == 0) {
            return;
        }
        graph.findAll(pending, pendingCount, found);
        for (int p = 0; p < pendingCount; p++) {
            recent.put(pending[p], found[p]);
        }
        for (int i = rowStart; i < faces; i++) {
            int edge = faceEdges[i];
            if (edge < RecentEdges.MISS) {
                faceEdges[i] = found[PENDING - edge];
            }
        }
    }

    /**
     * Gives the collected faces of the edges that belong to {@code owner} of {@code owners} to the sink, in
     * scan order. Edges belong to owners in blocks of 16, so that owners rarely write to the same cache line.
     */
    void feed(FaceSink sink, int owner, int owners) {
        for (int i = 0; i < faces; i++) {
            int edge = faceEdges[i];
            if (ownerOf(edge, owners) == owner) {
                sink.add(edge, faceValues[i]);
            }
        }
    }

    private static int ownerOf(int edge, int owners) {
        return (int) (((edge >>> 4) * 0x9E3779B9L & 0xFFFFFFFFL) * owners >>> 32);
    }
}
