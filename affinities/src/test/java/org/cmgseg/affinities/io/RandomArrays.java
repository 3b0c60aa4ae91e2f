package org.cmgseg.affinities.io;

import java.util.SplittableRandom;

/** Deterministic random arrays of every data type, covering each type's extremes. */
public final class RandomArrays {

    private RandomArrays() {
    }

    public static Object of(DataType type, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Object array = type.allocate(n);
        for (int i = 0; i < n; i++) {
            long bits = random.nextLong();
            switch (type.bytes()) {
                case 1 -> ((byte[]) array)[i] = (byte) bits;
                case 2 -> ((short[]) array)[i] = (short) bits;
                case 4 -> {
                    if (type.floating()) {
                        ((float[]) array)[i] = (float) (random.nextGaussian() * 1e3);
                    } else {
                        ((int[]) array)[i] = (int) bits;
                    }
                }
                default -> {
                    if (type.floating()) {
                        ((double[]) array)[i] = random.nextGaussian() * 1e6;
                    } else {
                        ((long[]) array)[i] = bits;
                    }
                }
            }
        }
        return array;
    }
}
