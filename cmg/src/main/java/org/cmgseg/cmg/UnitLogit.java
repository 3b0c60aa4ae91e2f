package org.cmgseg.cmg;

/**
 * The logit phase in normalised coordinates: for t in [0, 1], the unique s in [0, 1] with
 * {@code L(s) = t}, where L is the unit logistic of rate {@code k = 2 - 1/(1 - mu)}.
 *
 * <p>The root is computed exactly. A cubic Hermite interpolant of the root on a uniform grid of t
 * gives a seed without any search; one Newton step on {@code L(s) - t} then usually lands on the
 * root, and the size of that step proves it (the error after a step is of the order of the step
 * squared); near the ends of steep curves a second or third step does. When the seed is far off
 * (mu close to 1), a safeguarded Newton iteration on the logit of s runs to convergence instead,
 * followed by Newton steps in s for full relative precision. The grid is per curve and built once,
 * in about 2 ms; it is fine enough (4096 intervals) that the first step is accepted for most t even
 * on steep curves (mu 0.9), which keeps the logit phase within 2x the cost of the logistic one.
 */
final class UnitLogit {

    private static final int INTERVALS = 4096;
    private static final int MAX_ITERATIONS = 200;
    /** Newton steps tried from the seed, as long as each is within the quadratic basin. */
    private static final int NEWTON_STEPS = 3;
    private static final double BASIN = 0x1p-10;

    private final double k;
    private final double inflection;
    /**
     * After a Newton step of size d the error is about {@code C d^2} with {@code C = |L''/(2 L')|},
     * at most of the order of {@code (2 + |k|)^2}; a step is accepted as the last one when
     * {@code d^2 <= acceptance * s}, i.e. when the remaining error is below 2^-56 s.
     */
    private final double acceptance;
    /** Per interval j, s(t) = c0 + u (c1 + u (c2 + u c3)) with u = t * INTERVALS - j in [0, 1). */
    private final double[] coefficients = new double[4 * (INTERVALS + 1)];

    UnitLogit(double k, double inflection) {
        this.k = k;
        this.inflection = inflection;
        this.acceptance = 0x1p-56 / ((2 - k) * (2 - k));
        double[] root = new double[INTERVALS + 1];
        double[] slope = new double[INTERVALS + 1];
        for (int j = 0; j <= INTERVALS; j++) {
            double t = (double) j / INTERVALS;
            root[j] = j == 0 ? 0 : j == INTERVALS ? 1 : solveSafely(t);
            slope[j] = rootSlope(root[j], t);
        }
        for (int j = 0; j < INTERVALS; j++) {
            fitInterval(j, root[j], root[j + 1], slope[j], slope[j + 1]);
        }
        coefficients[4 * INTERVALS] = 1; // t = 1 falls here: the constant 1
    }

    /** ds/dt of the root s at t, i.e. 1 / L'(s). */
    private double rootSlope(double s, double t) {
        if (t == 0 || t == 1) {
            return 1 / UnitLogistic.endSlope(t, k, inflection);
        }
        double spread = s * (1 - s);
        return spread / (t * (1 - t) * (1 - k * spread));
    }

    /** The cubic Hermite interpolant on interval j, or the chord where the slopes overflow. */
    private void fitInterval(int j, double s0, double s1, double slope0, double slope1) {
        double h = 1.0 / INTERVALS;
        double m0 = slope0 * h;
        double m1 = slope1 * h;
        double rise = s1 - s0;
        double c2 = 3 * rise - 2 * m0 - m1;
        double c3 = -2 * rise + m0 + m1;
        int c = 4 * j;
        coefficients[c] = s0;
        if (Double.isFinite(c2) && Double.isFinite(c3)) {
            coefficients[c + 1] = m0;
            coefficients[c + 2] = c2;
            coefficients[c + 3] = c3;
        } else {
            coefficients[c + 1] = rise;
        }
    }

    /** The root s of L(s) = t; t outside (0, 1) maps to the end points. */
    double solve(double t) {
        if (t <= 0 || t >= 1) {
            return t <= 0 ? 0 : 1;
        }
        double s = solveFast(t);
        return s == s || t != t ? s : solveSafely(t);
    }

    /**
     * The root from the seed and at most three Newton steps, or NaN where that does not converge
     * (rare: steep curves near their ends); {@link #solveSafely} then gives the root. For t in [0, 1]
     * (the end points come out exactly: the seed is exact there and the step is 0). Kept small so that
     * bulk loops inline it: the first step is here, further ones out of line.
     */
    double solveFast(double t) {
        double s = seed(t);
        double e = Exp.exp(k * (s - inflection));
        double step = newtonStep(s, t, e);
        return step * step <= acceptance * s ? Math.min(s - step, 1) : moreNewtonSteps(s, step, t);
    }

    /**
     * {@link #solveFast} for t[0..n), in three passes over the block (seeds, exponentials, Newton
     * steps) so that each pass is a short chain of operations that the CPU overlaps across elements;
     * elements whose first step is not accepted are finished by solveFast itself. The results are
     * those of solveFast, bit for bit.
     */
    void solveFast(double[] t, double[] s, double[] scratch, int n) {
        for (int i = 0; i < n; i++) {
            s[i] = seed(t[i]);
        }
        for (int i = 0; i < n; i++) {
            scratch[i] = Exp.exp(k * (s[i] - inflection));
        }
        for (int i = 0; i < n; i++) {
            double si = s[i];
            double step = newtonStep(si, t[i], scratch[i]);
            s[i] = step * step <= acceptance * si ? Math.min(si - step, 1) : Double.NaN;
        }
        for (int i = 0; i < n; i++) {
            if (s[i] != s[i]) {
                s[i] = solveFast(t[i]);
            }
        }
    }

    private double moreNewtonSteps(double s, double step, double t) {
        for (int i = 1; i < NEWTON_STEPS; i++) {
            if (!(Math.abs(step) <= BASIN * s)) {
                return Double.NaN; // the seed is far off (or the step overflowed): Newton in s is not safe from here
            }
            s = Math.min(s - step, 1);
            step = newtonStep(s, t, Exp.exp(k * (s - inflection)));
            if (step * step <= acceptance * s) {
                return Math.min(s - step, 1);
            }
        }
        return Double.NaN;
    }

    /** The root for t in (0, 1) by the safeguarded iteration in logit space. */
    double solveSafely(double t) {
        return polish(logitRoot(t), t);
    }

    /**
     * The Newton correction {@code (L(s) - t) / L'(s)}, written with a single division: with
     * {@code e = exp(k (s - I))} and {@code D = s + (1 - s) e} one has {@code L(s) = s / D} and the
     * correction is {@code (s - t D) D / (e (1 - k s (1 - s)))}. NaN where it cannot be formed.
     */
    private double newtonStep(double s, double t, double e) {
        double d = s + (1 - s) * e;
        return (s - t * d) * d / (e * (1 - k * (s * (1 - s))));
    }

    /** Newton steps in s from an accurate start, for full relative precision also where s is tiny. */
    private double polish(double s, double t) {
        for (int i = 0; i < 4; i++) {
            double step = newtonStep(s, t, Exp.exp(k * (s - inflection)));
            if (!(Math.abs(step) <= 0x1p-20 * s)) {
                return s; // L saturates in double here: the logit-space root is the best there is
            }
            s = Math.min(s - step, 1);
            if (step * step <= acceptance * s) {
                return s;
            }
        }
        return s;
    }

    private double seed(double t) {
        double scaled = t * INTERVALS;
        int j = (int) scaled;
        double u = scaled - j;
        int c = 4 * j;
        return (coefficients[c] + u * coefficients[c + 1]) + (u * u) * (coefficients[c + 2] + u * coefficients[c + 3]);
    }

    /**
     * The root in logit space, v = logit(s), of {@code F(v) = v - k (sigmoid(v) - I) - logit(t)}: F
     * is increasing with F' in [1, 1 - k/4] and the root lies in
     * [logit(t) + k (1 - I), logit(t) - k I], so a Newton iteration that bisects whenever a step
     * would leave that bracket or fails to halve the previous one converges for every k.
     */
    private double logitRoot(double t) {
        double target = Math.log(t) - Math.log1p(-t);
        double lo = target + k * (1 - inflection);
        double hi = target - k * inflection;
        double v = target;
        double width = hi - lo;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double s = Sigmoid.value(v);
            double f = v - k * (s - inflection) - target;
            if (f < 0) {
                lo = v;
            } else if (f > 0) {
                hi = v;
            } else {
                return s;
            }
            double step = f / (1 - k * (s * (1 - s)));
            double next = v - step;
            if (!(next > lo && next < hi) || Math.abs(2 * step) > width) {
                next = 0.5 * (lo + hi);
                width = hi - lo;
            } else {
                width = Math.abs(step);
            }
            if (next == v || width <= Math.ulp(next)) { // converged to an ulp of v
                return Sigmoid.value(next);
            }
            v = next;
        }
        return Sigmoid.value(v);
    }
}
