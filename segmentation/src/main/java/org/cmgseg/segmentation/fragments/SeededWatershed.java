package org.cmgseg.segmentation.fragments;

import java.util.Arrays;
import org.cmgseg.core.Task;
import org.cmgseg.segmentation.util.ArrayGrowth;

/**
 * Floods a map from labelled seeds as {@code mahotas.cwatershed} does with its default cross: voxels
 * are taken in order of increasing priority (equal priorities first come, first served; seeds come in
 * raster order), and each unlabelled face neighbour of a taken voxel joins its label when it is
 * first reached. Every voxel connected to a seed ends up labelled; the rest stay 0.
 */
final class SeededWatershed {

    private SeededWatershed() {
    }

    /** Advances {@code progress} by the voxels it labels (seeds included). */
    static void flood(int[] priority, Box box, int[] labels, Task progress) {
        Heap heap = new Heap();
        for (int v = 0; v < labels.length; v++) {
            if (labels[v] != 0) {
                heap.push(priority[v], v);
            }
        }
        int[] neighbours = new int[6];
        int popped = 0;
        while (heap.size > 0) {
            progress.step(popped++);
            int v = heap.pop();
            int count = box.faceNeighbours(v, neighbours);
            for (int k = 0; k < count; k++) {
                int w = neighbours[k];
                if (labels[w] == 0) {
                    labels[w] = labels[v];
                    heap.push(priority[w], w);
                }
            }
        }
        progress.stepped(popped);
    }

    /** A priority whose signed order is the order of the float values (NaN last). */
    static int priority(float value) {
        int bits = Float.floatToIntBits(value);
        return bits >= 0 ? bits : bits ^ 0x7fffffff;
    }

    /** A min-heap of voxels keyed by (priority, arrival), packed into one long per entry. */
    private static final class Heap {
        private long[] keys = new long[64];
        private int[] voxels = new int[64];
        private int size;
        private int arrivals;

        void push(int priority, int voxel) {
            if (size == keys.length) {
                int capacity = ArrayGrowth.next(size, size + 1);
                keys = Arrays.copyOf(keys, capacity);
                voxels = Arrays.copyOf(voxels, capacity);
            }
            long key = (long) priority << 32 | arrivals++;
            int hole = size++;
            while (hole > 0 && keys[(hole - 1) >> 1] > key) {
                int parent = (hole - 1) >> 1;
                keys[hole] = keys[parent];
                voxels[hole] = voxels[parent];
                hole = parent;
            }
            keys[hole] = key;
            voxels[hole] = voxel;
        }

        int pop() {
            int top = voxels[0];
            size--;
            long key = keys[size];
            int voxel = voxels[size];
            int hole = 0;
            while (2 * hole + 1 < size) {
                int child = 2 * hole + 1;
                if (child + 1 < size && keys[child + 1] < keys[child]) {
                    child++;
                }
                if (keys[child] >= key) {
                    break;
                }
                keys[hole] = keys[child];
                voxels[hole] = voxels[child];
                hole = child;
            }
            keys[hole] = key;
            voxels[hole] = voxel;
            return top;
        }
    }
}
