package org.cmgseg.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The voxel faces of one edge: affinity and scan position (3 * voxel index + axis, axes z, y, x), ascending in
 * position, the order in which {@code segment} feeds an edge's statistic. Lists of different blocks merge
 * into the list of their union, so every statistic, the running mean too, is fed as on one machine.
 */
final class FaceList implements Serializable {

    private long[] position = new long[4];
    private float[] affinity = new float[4];
    private int size;

    /** Appends a face; positions must come ascending. */
    void add(long scanPosition, float value) {
        if (size == position.length) {
            position = Arrays.copyOf(position, 2 * size);
            affinity = Arrays.copyOf(affinity, 2 * size);
        }
        position[size] = scanPosition;
        affinity[size++] = value;
    }

    /** The faces of both lists, in scan order. */
    static FaceList merge(FaceList a, FaceList b) {
        FaceList merged = new FaceList();
        merged.position = new long[a.size + b.size];
        merged.affinity = new float[a.size + b.size];
        int i = 0;
        int j = 0;
        while (i < a.size || j < b.size) {
            boolean fromA = j == b.size || (i < a.size && a.position[i] < b.position[j]);
            if (fromA) {
                merged.add(a.position[i], a.affinity[i++]);
            } else {
                merged.add(b.position[j], b.affinity[j++]);
            }
        }
        return merged;
    }

    int size() {
        return size;
    }

    long position(int i) {
        return position[i];
    }

    float affinity(int i) {
        return affinity[i];
    }
}
