package org.cmgseg.cmg;

/**
 * LAU, the logarithmic activation unit (Logmoid) of Zhou et al.:
 * {@code f(x) = x ln(1 + a sigmoid(b x))}, with a and b trainable (both 1 initially).
 */
public record Lau(double a, double b) {

    public static final Lau INITIAL = new Lau(1, 1);

    /** Derivatives of f with respect to x, a and b. */
    public record Gradient(double dx, double da, double db) {
    }

    public double value(double x) {
        return x * Math.log1p(a * Sigmoid.value(b * x));
    }

    public Gradient gradient(double x) {
        double z = b * x;
        double sigmoid = Sigmoid.value(z);
        double q = 1 + a * sigmoid;
        double xTimesSlope = x * Sigmoid.slope(z);
        return new Gradient(Math.log1p(a * sigmoid) + xTimesSlope * a * b / q, x * sigmoid / q, a * xTimesSlope * x / q);
    }
}
