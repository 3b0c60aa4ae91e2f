package org.cmgseg.cmg;

/**
 * MoLU of Koh et al.: {@code f(x) = x (1 + tanh x) / 2}, evaluated as the equal {@code x sigmoid(2x)},
 * which keeps its relative precision for negative x where {@code 1 + tanh x} cancels.
 */
public final class MoLU {

    private MoLU() {
    }

    public static double value(double x) {
        return x * Sigmoid.value(2 * x);
    }

    public static double derivative(double x) {
        return Sigmoid.value(2 * x) + 2 * (x * Sigmoid.slope(2 * x));
    }
}
