package org.cmgseg.affinities;

/** The minimum and maximum of a volume's values (see {@link ProbabilityView#scan} for a dataset's). */
public record ValueRange(double min, double max) {

    /** The range of finite values in memory (an empty array gives (+inf, -inf)). */
    public static ValueRange of(float[] values) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new ValueRange(lo, hi);
    }
}
