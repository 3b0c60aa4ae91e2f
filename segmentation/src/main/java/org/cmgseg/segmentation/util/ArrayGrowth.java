package org.cmgseg.segmentation.util;

/** Capacities of growing arrays: 1.5 times the old one, at least what is needed, at most what Java allows. */
public final class ArrayGrowth {

    public static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private ArrayGrowth() {
    }

    public static int next(int current, int needed) {
        if (needed < 0 || needed > MAX_LENGTH) {
            throw new IllegalArgumentException("an array of " + Integer.toUnsignedString(needed) + " elements is more than Java allows");
        }
        long grown = current + (current >> 1) + 4L;
        return (int) Math.max(needed, Math.min(grown, MAX_LENGTH));
    }
}
