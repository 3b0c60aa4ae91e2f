package org.cmgseg.training.activation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;

/**
 * The exact root of the CMG logit phase, elementwise on tensors, without gradient. In logit
 * coordinates {@code v = logit(s)} the phase of rate {@code k = 2 - 1/(1 - mu) <= 0} and inflection
 * point I maps {@code tau = logit(t)} to the root v of
 * {@code F(v) = v + A sigmoid(v) - (A I + tau) = 0} with {@code A = -k >= 0}.
 *
 * <p>F is increasing (F' in [1, 1 + A/4]), convex for v < 0 and concave for v > 0. Newton's method
 * started at v = 0 therefore converges monotonically for every A, I and tau: if the root is
 * negative, 0 lies to its right inside the convex part and each step stays between the root and the
 * previous iterate; symmetrically if it is positive. No bracket or bisection is needed.
 *
 * <p>How many steps that takes depends mostly on A. In float32 the solver takes the number that
 * the worst case over I in (0, 1) and |tau| <= 88 needs to bring the error in v below 1e-7 (found
 * by running the iteration in double precision on a fine grid): 3 steps for A <= 1, 4 for A <= 4,
 * 5 for A <= 16, 6 for A <= 50, 7 for A <= 200, 8 for A <= 500, 9 for A <= 1000. Beyond that, and
 * in float64, it checks the size of every step instead (a reduction and a wait for its value).
 */
final class LogitPhaseRoot {

    /** Largest A of each row of the float32 step table, and the steps it needs. */
    private static final double[] FLOAT32_A_LIMITS = {1, 4, 16, 50, 200, 500, 1000};
    private static final int[] FLOAT32_STEPS = {3, 4, 5, 6, 7, 8, 9};
    /**
     * Checked steps stop once the largest is below this (per precision); the error left is then
     * about {@code (A/20) tolerance^2}.
     */
    private static final double FLOAT32_TOLERANCE = 1e-4;
    private static final double FLOAT64_TOLERANCE = 1e-7;
    /** A safety net: convergence is guaranteed, and non-finite input stops the loop at once. */
    private static final int MAX_STEPS = 60;

    private LogitPhaseRoot() {
    }

    /**
     * The root v for each element of {@code tau} (batch x features); {@code a} (A, per feature,
     * non-negative) and {@code inflection} (per feature) broadcast over the batch; {@code largestA}
     * is the largest A. No input may carry gradient.
     */
    static NDArray solve(NDArray tau, NDArray a, NDArray inflection, double largestA) {
        boolean float32 = tau.getDataType() == DataType.FLOAT32;
        int steps = float32 ? float32Steps(largestA) : 0;
        double tolerance = float32 ? FLOAT32_TOLERANCE : FLOAT64_TOLERANCE;
        NDArray target = tau.add(a.mul(inflection));
        // the first step from 0 in closed form (s = 1/2 there): v = (target - A/2) / (1 + A/4)
        NDArray v;
        try (NDArray gain = a.mul(0.25).add(1).pow(-1); NDArray offset = a.mul(inflection.sub(0.5)).mul(gain)) {
            v = tau.mul(gain).addi(offset);
        }
        try (NDArray one = v.getManager().create(1.0).toType(v.getDataType(), false)) {
            for (int i = 1; i < MAX_STEPS; i++) {
                // F = v + A s - target and F' = 1 + A s - A s^2, sharing A s
                try (NDArray s = Activation.sigmoid(v); NDArray as = s.mul(a); NDArray slope = as.sub(as.mul(s))) {
                    NDArray step = as.addi(v).subi(target).divi(slope.addi(one));
                    v.subi(step);
                    if (steps > 0 ? i + 1 == steps : converged(step, tolerance)) {
                        break;
                    }
                }
            }
        }
        target.close();
        return v;
    }

    /** The steps the float32 table prescribes for this A, or 0 beyond the table. */
    private static int float32Steps(double largestA) {
        for (int row = 0; row < FLOAT32_A_LIMITS.length; row++) {
            if (largestA <= FLOAT32_A_LIMITS[row]) {
                return FLOAT32_STEPS[row];
            }
        }
        return 0;
    }

    /** Whether the largest step is within the tolerance; NaN counts as converged, and then shows in the loss. */
    private static boolean converged(NDArray step, double tolerance) {
        try (NDArray size = step.abs(); NDArray max = size.max()) {
            return !(max.toType(DataType.FLOAT64, false).getDouble() > tolerance);
        }
    }
}
