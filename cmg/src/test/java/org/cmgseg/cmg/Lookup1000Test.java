package org.cmgseg.cmg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.IntRange;

/**
 * The lookup1000 mode against a literal, linear-scan restatement of the reference algorithm:
 * identical outputs on random inputs, on the grid points themselves and halfway between them (the
 * ties), for both directions of the curve.
 */
class Lookup1000Test {

    /** The reference: y grid, x of each grid point, argmin |x - grid| (first on x < xI, last otherwise). */
    private static double reference(double x, double mu, double inflection, double xmin, double xmax,
                                    double yL, double yR) {
        double[][] grid = grid(mu, inflection, xmin, xmax, yL, yR);
        boolean first = x < xmin + inflection * (xmax - xmin);
        int best = 0;
        for (int j = 1; j < 1000; j++) {
            double d = Math.abs(x - grid[0][j]);
            double b = Math.abs(x - grid[0][best]);
            if (d < b || (!first && d == b)) {
                best = j;
            }
        }
        return grid[1][best];
    }

    private static double[][] grid(double mu, double inflection, double xmin, double xmax, double yL, double yR) {
        double lo = Math.min(yL, yR);
        double hi = Math.max(yL, yR);
        double[] xs = new double[1000];
        double[] ys = new double[1000];
        for (int j = 0; j < 1000; j++) {
            double y = j == 999 ? hi : j * ((hi - lo) / 999) + lo;
            double s = (y - lo) / (hi - lo);
            xs[j] = xmin + (xmax - xmin) / (1 + (hi - y) / (y - lo) * Math.exp((2 - 1 / (1 - mu)) * (s - inflection)));
            ys[j] = yL < yR ? y : yR + yL - y;
        }
        return new double[][] {xs, ys};
    }

    @Property(tries = 200)
    void sameOutputAsTheLinearScan(@ForAll @Scale(12) @DoubleRange(min = 0.5001, max = 0.9999) double mu,
                                   @ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double inflection,
                                   @ForAll @Scale(12) @DoubleRange(min = -3, max = 3) double yL,
                                   @ForAll @Scale(12) @DoubleRange(min = -3, max = 3) double yR,
                                   @ForAll @IntRange(min = 0, max = 10000) int seed) {
        double xmin = -1;
        double xmax = 2.5;
        Cmg c = new Cmg(mu, inflection, xmin, xmax, yL, yR, LogitMethod.LOOKUP1000);
        double[] xs = grid(mu, inflection, xmin, xmax, yL, yR)[0];
        Random random = new Random(seed);
        for (int i = 0; i < 300; i++) {
            int j = random.nextInt(999);
            double[] probes = {xmin + random.nextDouble() * (xmax - xmin), xs[j], 0.5 * (xs[j] + xs[j + 1]),
                    Math.nextUp(xs[j]), Math.nextDown(xs[j + 1])};
            for (double x : probes) {
                if (Double.isNaN(x)) {
                    continue; // yL == yR: the reference grid is all NaN and every output is yL
                }
                assertEquals(reference(x, mu, inflection, xmin, xmax, yL, yR), c.value(x),
                        () -> c + " at x=" + x);
            }
        }
    }

    @Property(tries = 300)
    void withinHalfAGridStepOfTheExactCurve(@ForAll @Scale(12) @DoubleRange(min = 0.5001, max = 0.95) double mu,
                                            @ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double inflection,
                                            @ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double t) {
        double exact = Cmg.unit(mu, inflection).value(t);
        double lookup = new Cmg(mu, inflection, 0, 1, 0, 1, LogitMethod.LOOKUP1000).value(t);
        assertEquals(exact, lookup, 5.1e-4, () -> "mu=" + mu + " I=" + inflection + " t=" + t);
    }
}
