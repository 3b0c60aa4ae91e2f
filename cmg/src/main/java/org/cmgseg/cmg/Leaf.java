package org.cmgseg.cmg;

/**
 * LEAF, the learnable activation of Bodyanskiy and Kostiuk:
 * {@code f(u) = (p1 u + p2) sigmoid(p3 u) + p4}. See {@link LeafPreset} for the classic shapes.
 */
public record Leaf(double p1, double p2, double p3, double p4) {

    /** Derivatives of f with respect to u and to each parameter. */
    public record Gradient(double du, double dp1, double dp2, double dp3, double dp4) {
    }

    public double value(double u) {
        return (p1 * u + p2) * Sigmoid.value(p3 * u) + p4;
    }

    public Gradient gradient(double u) {
        double z = p3 * u;
        double sigmoid = Sigmoid.value(z);
        double linearTimesSlope = (p1 * u + p2) * Sigmoid.slope(z);
        return new Gradient(p1 * sigmoid + linearTimesSlope * p3, u * sigmoid, sigmoid, linearTimesSlope * u, 1);
    }
}
