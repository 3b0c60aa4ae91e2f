package org.cmgseg.cmg;

/**
 * The logistic phase in normalised coordinates,
 * {@code L(t) = 1 / (1 + (1 - t) / t * exp(k (t - I)))} with {@code k = 2 - 1/m <= 0},
 * strictly increasing on [0, 1] with {@code L(0) = 0}, {@code L(1) = 1} and {@code L(I) = I}.
 */
final class UnitLogistic {

    private UnitLogistic() {
    }

    /** {@code k = 2 - 1/m}, the exponent rate of the phase with parameter m in (0, 0.5]. */
    static double rate(double m) {
        return 2 - 1 / m;
    }

    /**
     * L(t) for t in [0, 1]. The end points need no test: at t = 0 the ratio is +inf (its exponential
     * factor is at least 1), at t = 1 it is 0 (the factor is at most 1), so L is exactly 0 and 1.
     */
    static double value(double t, double k, double inflection) {
        return 1 / (1 + ratio(t, k, inflection));
    }

    /**
     * {@link #value} of t[0..n) into s, bit for bit, in two passes (the exponentials, then the rest)
     * so that the CPU overlaps the work of many elements.
     */
    static void values(double[] t, double[] s, int n, double k, double inflection) {
        for (int i = 0; i < n; i++) {
            s[i] = Exp.exp(k * (t[i] - inflection));
        }
        for (int i = 0; i < n; i++) {
            double ti = t[i];
            double q = (1 - ti) / ti * s[i];
            s[i] = 1 / (1 + (q == q ? q : ratio(ti, k, inflection)));
        }
    }

    /**
     * {@code (1 - t) / t * exp(k (t - I))} for t in [0, 1], so that {@code L = 1 / (1 + ratio)} and
     * {@code 1 - L = ratio * L}. The product is formed in log space only when it would be inf * 0.
     */
    static double ratio(double t, double k, double inflection) {
        double z = k * (t - inflection);
        double q = (1 - t) / t * Exp.exp(z);
        if (q != q) {
            q = Exp.exp(Math.log1p(-t) - Math.log(t) + z);
        }
        return q;
    }

    /**
     * {@code s (1 - s)} for {@code s = 1 / (1 + ratio)}, written so that it keeps full relative
     * precision both when s is tiny and when s is close to 1.
     */
    static double spread(double s, double ratio) {
        return s == 0 ? 0 : s * (s * ratio);
    }

    /** dL/dt at an end point: {@code exp(k I)} at t = 0, {@code exp(k (1 - I))} at t = 1. */
    static double endSlope(double t, double k, double inflection) {
        return t <= 0 ? Exp.exp(k * inflection) : Exp.exp(k * (1 - inflection));
    }
}
