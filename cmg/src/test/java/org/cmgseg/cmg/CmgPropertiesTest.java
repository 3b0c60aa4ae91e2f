package org.cmgseg.cmg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.IntRange;

/** Identities that hold for every curve, checked on random parameters. */
class CmgPropertiesTest {

    private static Cmg curve(double mu, double inflection, double xmin, double width, double yL, double yR) {
        return new Cmg(mu, inflection, xmin, xmin + width, yL, yR);
    }

    @Property
    void halfIsTheStraightLine(@ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double t,
                               @ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double inflection,
                               @ForAll @Scale(12) @DoubleRange(min = -10, max = 10) double xmin,
                               @ForAll @Scale(12) @DoubleRange(min = 0.01, max = 10) double width,
                               @ForAll @Scale(12) @DoubleRange(min = -5, max = 5) double yL,
                               @ForAll @Scale(12) @DoubleRange(min = -5, max = 5) double yR) {
        Cmg c = curve(0.5, inflection, xmin, width, yL, yR);
        assertEquals(Phase.LINEAR, c.phase());
        assertEquals(yL + t * (yR - yL), c.value(xmin + t * width), 1e-12);
    }

    @Property
    void passesThroughTheInflectionPointAndBothEnds(@ForAll @Scale(12) @DoubleRange(min = 0.01, max = 0.99) double mu,
                                                    @ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double inflection,
                                                    @ForAll @Scale(12) @DoubleRange(min = -10, max = 10) double xmin,
                                                    @ForAll @Scale(12) @DoubleRange(min = 0.01, max = 10) double width,
                                                    @ForAll @Scale(12) @DoubleRange(min = -5, max = 5) double yL,
                                                    @ForAll @Scale(12) @DoubleRange(min = -5, max = 5) double yR) {
        Cmg c = curve(mu, inflection, xmin, width, yL, yR);
        double xI = xmin + inflection * width;
        // xI itself is rounded: steep curves on narrow ranges magnify that by their slope
        double propagated = 4 * Math.ulp(Math.abs(xI) + width) * Math.abs(c.derivatives(xI).dx());
        assertEquals(yL + inflection * (yR - yL), c.value(xI), 1e-12 + propagated, c::toString);
        assertEquals(yL, c.value(c.xmin()), 1e-15, c::toString);
        assertEquals(yR, c.value(c.xmax()), 1e-15, c::toString);
    }

    @Property
    void stepAndConstantAtTheExtremes(@ForAll @Scale(12) @DoubleRange(min = 0.001, max = 0.999) double inflection,
                                      @ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double t,
                                      @ForAll @Scale(12) @DoubleRange(min = -5, max = 5) double yL,
                                      @ForAll @Scale(12) @DoubleRange(min = -5, max = 5) double yR) {
        Cmg step = new Cmg(0, inflection, 0, 1, yL, yR);
        double expected = t < inflection ? yL : t > inflection ? yR : Math.max(yL, yR);
        assertEquals(expected, step.value(t));
        assertEquals(Math.max(yL, yR), step.value(inflection));
        assertEquals(yL + inflection * (yR - yL), new Cmg(1, inflection, 0, 1, yL, yR).value(t));
    }

    @Property
    void logitPhaseInvertsTheLogisticPhaseOfOneMinusMu(@ForAll @Scale(12) @DoubleRange(min = 0.501, max = 0.99) double mu,
                                                       @ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double inflection,
                                                       @ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double t) {
        Cmg logit = Cmg.unit(mu, inflection);
        Cmg logistic = Cmg.unit(1 - mu, inflection);
        assertEquals(t, logistic.value(logit.value(t)), 1e-12, logit::toString);
        if (mu <= 0.9) {
            // the other way round the error is amplified by 1/L', which is bounded for mu <= 0.9
            assertEquals(t, logit.value(logistic.value(t)), 1e-12, logit::toString);
        }
    }

    @Property
    void monotoneInXWithTheDirectionOfTheEnds(@ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double mu,
                                              @ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double inflection,
                                              @ForAll @Scale(12) @DoubleRange(min = -5, max = 5) double yL,
                                              @ForAll @Scale(12) @DoubleRange(min = -5, max = 5) double yR,
                                              @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Cmg c = new Cmg(mu, inflection, -1, 2, yL, yR);
        double[] xs = new Random(seed).doubles(200, -1.5, 2.5).toArray();
        Arrays.sort(xs);
        double sign = Math.signum(yR - yL);
        for (int i = 1; i < xs.length; i++) {
            assertTrue(sign * (c.value(xs[i]) - c.value(xs[i - 1])) >= 0, c::toString);
        }
    }

    @Property
    void clampsToTheRangeAndKeepsNaN(@ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double mu,
                                     @ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double inflection,
                                     @ForAll @Scale(12) @DoubleRange(min = 0, max = 100) double beyond) {
        Cmg c = new Cmg(mu, inflection, -1, 2, 3, -4);
        assertEquals(c.value(-1), c.value(-1 - beyond));
        assertEquals(c.value(2), c.value(2 + beyond));
        assertTrue(Double.isNaN(c.value(Double.NaN)));
    }

    /**
     * The logit root is as good as a double can be. Plain bisection to adjacent doubles (the recipe of
     * the gala fixtures) finds the root of L(s) = t as L evaluates in double, which is within about 4 ulp
     * of the true root; the solver must be within as much of the true root, so the two may differ by 8
     * ulp of s, plus what the rounding of t itself propagates (ulps of t times ds/dt).
     */
    @Property(tries = 3000)
    void logitRootIsExactToAFewUlp(@ForAll @Scale(12) @DoubleRange(min = 0.5001, max = 0.995) double mu,
                                   @ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double inflection,
                                   @ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double t) {
        double k = 2 - 1 / (1 - mu);
        double s = Cmg.unit(mu, inflection).value(t);
        double reference = bisection(t, k, inflection);
        double slope = Cmg.unit(mu, inflection).derivatives(t).dx();
        double tolerance = 8 * Math.ulp(reference) + 8 * Math.ulp(t) * slope;
        assertEquals(reference, s, tolerance, () -> "mu=" + mu + " I=" + inflection + " t=" + t);
    }

    private static double bisection(double t, double k, double inflection) {
        if (t <= 0 || t >= 1) {
            return t <= 0 ? 0 : 1;
        }
        double lo = 0;
        double hi = 1;
        while (true) {
            double mid = (lo + hi) / 2;
            if (mid == lo || mid == hi) {
                break;
            }
            if (UnitLogistic.value(mid, k, inflection) < t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double rLo = Math.abs(UnitLogistic.value(lo, k, inflection) - t);
        double rHi = Math.abs(UnitLogistic.value(hi, k, inflection) - t);
        return rLo < rHi ? lo : hi;
    }

    @Property
    void invalidParametersAreRejectedWithTheirName(@ForAll @Scale(12) @DoubleRange(min = 1.0001, max = 10) double bad) {
        assertMessage(() -> Cmg.unit(bad, 0.5), "mu must be in [0, 1]");
        assertMessage(() -> Cmg.unit(-bad, 0.5), "mu must be in [0, 1]");
        assertMessage(() -> Cmg.unit(0.5, bad), "inflection I must be in [0, 1]");
        assertMessage(() -> new Cmg(0.5, 0.5, bad, bad, 0, 1), "xmin must be less than xmax");
        assertMessage(() -> new Cmg(0.5, 0.5, bad, 1, 0, 1), "xmin must be less than xmax");
        assertMessage(() -> new Cmg(0.5, 0.5, 0, 1, Double.NaN, 1), "yL must be a finite number");
    }

    private static void assertMessage(Runnable r, String expected) {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }
}
