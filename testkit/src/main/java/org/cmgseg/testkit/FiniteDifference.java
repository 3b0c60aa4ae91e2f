package org.cmgseg.testkit;

import java.util.function.DoubleUnaryOperator;

/**
 * Central differences with one Richardson extrapolation step: truncation error O(h^4).
 * Shared by every module's tests.
 */
public final class FiniteDifference {

    private FiniteDifference() {
    }

    public static double derivative(DoubleUnaryOperator f, double x, double h) {
        double coarse = (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
        double fine = (f.applyAsDouble(x + h / 2) - f.applyAsDouble(x - h / 2)) / h;
        return (4 * fine - coarse) / 3;
    }

    /** One-sided differences towards the side of h (which may be negative), Richardson-extrapolated: O(h^2). */
    public static double oneSided(DoubleUnaryOperator f, double x, double h) {
        double f0 = f.applyAsDouble(x);
        double coarse = (f.applyAsDouble(x + h) - f0) / h;
        double fine = (f.applyAsDouble(x + h / 2) - f0) / (h / 2);
        return 2 * fine - coarse;
    }

    /** Relative error of an analytic derivative, measured against {@code floor} where it is near 0. */
    public static double relativeError(double analytic, double numeric, double floor) {
        return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), floor);
    }
}
