package org.cmgseg.testkit;

import java.util.SplittableRandom;

/** Deterministic random contents for primitive arrays, covering each integer type's extremes. */
public final class RandomArrays {

    private RandomArrays() {
    }

    /** Fills {@code array} (byte, short, int, long, float or double) and returns it. */
    public static <T> T fill(T array, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        if (array instanceof byte[] a) {
            for (int i = 0; i < a.length; i++) a[i] = (byte) random.nextLong();
        } else if (array instanceof short[] a) {
            for (int i = 0; i < a.length; i++) a[i] = (short) random.nextLong();
        } else if (array instanceof int[] a) {
            for (int i = 0; i < a.length; i++) a[i] = (int) random.nextLong();
        } else if (array instanceof long[] a) {
            for (int i = 0; i < a.length; i++) a[i] = random.nextLong();
        } else if (array instanceof float[] a) {
            for (int i = 0; i < a.length; i++) a[i] = (float) (random.nextGaussian() * 1e3);
        } else if (array instanceof double[] a) {
            for (int i = 0; i < a.length; i++) a[i] = random.nextGaussian() * 1e6;
        } else {
            throw new IllegalArgumentException("not a primitive numeric array: " + array.getClass());
        }
        return array;
    }
}
