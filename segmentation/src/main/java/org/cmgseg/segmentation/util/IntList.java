package org.cmgseg.segmentation.util;

import java.util.Arrays;

/** A growable list of ints. */
public final class IntList {

    private int[] values = new int[16];
    private int size;

    public void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, ArrayGrowth.next(values.length, size + 1));
        }
        values[size++] = value;
    }

    public int get(int i) {
        return values[i];
    }

    public void set(int i, int value) {
        values[i] = value;
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }
}
