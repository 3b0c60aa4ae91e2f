package org.cmgseg.affinities;

/**
 * What to do with NaN and infinite values in affinities: fail (the default, naming the first such
 * voxel), or read them as a given value.
 */
public record NonFinitePolicy(boolean fail, float replacement) {

    public static final NonFinitePolicy FAIL = new NonFinitePolicy(true, Float.NaN);

    public static NonFinitePolicy replaceWith(float value) {
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException("NaN and infinite affinities can be replaced by a finite value only, got " + value);
        }
        return new NonFinitePolicy(false, value);
    }

    /** Replaces non-finite values in place, or fails naming where the first one is. */
    public void apply(float[] values, long[] offset, int[] size, String where) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                if (fail) {
                    throw new IllegalArgumentException(where + " holds " + values[i] + " at " + position(i, offset, size)
                            + "; give a value to read NaN and infinities as (--nan-as)");
                }
                values[i] = replacement;
            }
        }
    }

    /** The numpy-order position (slowest axis first) of element i of a region. */
    private static String position(int i, long[] offset, int[] size) {
        long[] p = new long[size.length];
        for (int d = 0; d < size.length; d++) {
            p[size.length - 1 - d] = offset[d] + i % size[d];
            i /= size[d];
        }
        return java.util.Arrays.toString(p);
    }
}
