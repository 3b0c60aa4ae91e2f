package org.cmgseg.cmg;

/** The logistic sigmoid and its slope, without overflow for any finite argument. */
public final class Sigmoid {

    private Sigmoid() {
    }

    /** {@code 1 / (1 + exp(-z))}. */
    public static double value(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** {@code sigmoid(z) (1 - sigmoid(z))}, the derivative, accurate also where it is tiny. */
    public static double slope(double z) {
        double e = Math.exp(-Math.abs(z));
        double d = 1 + e;
        return e / (d * d);
    }
}
