package org.cmgseg.segmentation.fragments;

import org.cmgseg.core.VoxelGrid;

/**
 * A fragment volume: every voxel holds a dense fragment index, 0 for background and 1..count for
 * fragments, in the flat layout of {@link VoxelGrid}. {@code labels} gives the uint64 label of each
 * index (labels[0] = 0) when the labels are not the indices themselves (user-supplied fragments),
 * and is null otherwise. Dense indices preserve the unsigned order of the labels, so anything
 * decided by comparing labels is decided the same way on indices.
 */
public record Fragments(VoxelGrid grid, int[] ids, int count, long[] labels) {

    public Fragments {
        grid.requireLength(ids.length, 1, "the fragment array");
        if (labels != null && labels.length != count + 1) {
            throw new IllegalArgumentException(labels.length + " labels for " + count + " fragments");
        }
    }

    /** The uint64 label of dense index i. */
    public long label(int i) {
        return labels == null ? i : labels[i];
    }

    /** The number of voxels of each dense index (index 0: background). */
    public long[] voxelCounts() {
        long[] counts = new long[count + 1];
        for (int id : ids) {
            counts[id]++;
        }
        return counts;
    }
}
