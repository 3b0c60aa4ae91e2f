package org.cmgseg.cmg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.cmgseg.testkit.FiniteDifference;
import org.junit.jupiter.api.Test;

/** Every analytic derivative against central finite differences, relative error below 1e-6. */
class CmgDerivativesTest {

    private static final double TOLERANCE = 1e-6;
    /**
     * Values up to 3 in size differenced over steps of 1e-4 carry rounding noise of about 5e-12, which no
     * analytic derivative can match when yL and yR nearly coincide: absolute errors below
     * TOLERANCE * ROUNDING_FLOOR = 1e-11 pass.
     */
    private static final double ROUNDING_FLOOR = 1e-5;

    private static void check(double mu, double inflection, double x, double xmin, double xmax, double yL, double yR) {
        Cmg c = new Cmg(mu, inflection, xmin, xmax, yL, yR);
        CmgDerivatives d = c.derivatives(x);
        double floor = 1e-3 * Math.abs(yR - yL) + ROUNDING_FLOOR;
        assertEquals(c.value(x), d.value());
        double hx = 1e-4 * (xmax - xmin);
        double dx = FiniteDifference.derivative(v -> c.value(v), x, hx);
        double dmu = FiniteDifference.derivative(m -> new Cmg(m, inflection, xmin, xmax, yL, yR).value(x), mu, 1e-4);
        double dI = FiniteDifference.derivative(i -> new Cmg(mu, i, xmin, xmax, yL, yR).value(x), inflection, 1e-4);
        String where = c + " at x=" + x;
        assertTrue(FiniteDifference.relativeError(d.dx(), dx, floor / (xmax - xmin)) < TOLERANCE,
                () -> where + ": d/dx " + d.dx() + " vs " + dx);
        assertTrue(FiniteDifference.relativeError(d.dmu(), dmu, floor) < TOLERANCE,
                () -> where + ": d/dmu " + d.dmu() + " vs " + dmu);
        assertTrue(FiniteDifference.relativeError(d.dInflection(), dI, floor) < TOLERANCE,
                () -> where + ": d/dI " + d.dInflection() + " vs " + dI);
    }

    @Property(tries = 2000)
    void logisticPhase(@ForAll @Scale(12) @DoubleRange(min = 0.05, max = 0.4999) double mu,
                       @ForAll @Scale(12) @DoubleRange(min = 0.01, max = 0.99) double inflection,
                       @ForAll @Scale(12) @DoubleRange(min = 0.01, max = 0.99) double t,
                       @ForAll @Scale(12) @DoubleRange(min = -3, max = 3) double yL,
                       @ForAll @Scale(12) @DoubleRange(min = -3, max = 3) double yR) {
        check(Math.min(mu, 0.5 - 2e-4), inflection, -1 + 3 * t, -1, 2, yL, yR);
    }

    @Property(tries = 2000)
    void logitPhase(@ForAll @Scale(12) @DoubleRange(min = 0.5001, max = 0.95) double mu,
                    @ForAll @Scale(12) @DoubleRange(min = 0.01, max = 0.99) double inflection,
                    @ForAll @Scale(12) @DoubleRange(min = 0.01, max = 0.99) double t,
                    @ForAll @Scale(12) @DoubleRange(min = -3, max = 3) double yL,
                    @ForAll @Scale(12) @DoubleRange(min = -3, max = 3) double yR) {
        check(Math.max(mu, 0.5 + 2e-4), inflection, -1 + 3 * t, -1, 2, yL, yR);
    }

    /**
     * mu = 0.5 joins the two phases: the curve is differentiable in mu there but its curvature jumps,
     * so the mu-derivative is checked from each side separately.
     */
    @Property
    void linearPhase(@ForAll @Scale(12) @DoubleRange(min = 0.01, max = 0.99) double inflection,
                     @ForAll @Scale(12) @DoubleRange(min = 0.01, max = 0.99) double t) {
        Cmg c = Cmg.unit(0.5, inflection);
        CmgDerivatives d = c.derivatives(t);
        assertEquals(1, d.dx(), 1e-12);
        assertEquals(0, d.dInflection(), 1e-12);
        for (double side : new double[] {-1e-5, 1e-5}) {
            double numeric = FiniteDifference.oneSided(m -> Cmg.unit(m, inflection).value(t), 0.5, side);
            assertTrue(FiniteDifference.relativeError(d.dmu(), numeric, 1e-3) < TOLERANCE,
                    () -> "d/dmu at t=" + t + " I=" + inflection + ": " + d.dmu() + " vs " + numeric);
        }
    }

    @Test
    void endPointsHaveTheOneSidedSlope() {
        for (double mu : new double[] {0.2, 0.5, 0.7}) {
            Cmg c = new Cmg(mu, 0.3, 0, 2, 1, 3);
            for (double x : new double[] {0, 2}) {
                double h = 1e-6;
                double oneSided = x == 0 ? (c.value(h) - c.value(0)) / h : (c.value(2) - c.value(2 - h)) / h;
                assertEquals(oneSided, c.derivatives(x).dx(), 1e-4 * Math.abs(oneSided), c + " at " + x);
                assertEquals(0, c.derivatives(x).dmu());
                assertEquals(0, c.derivatives(x).dInflection());
            }
        }
    }

    @Test
    void muDerivativeAtTheExtremesIsOneSided() {
        // mu = 1: the left derivative; mu = 0 away from the jump: the right derivative, 0
        Cmg constant = Cmg.unit(1, 0.3);
        double t = 0.8;
        double h = 1e-7;
        double left = (constant.value(t) - Cmg.unit(1 - h, 0.3).value(t)) / h;
        assertEquals(left, constant.derivatives(t).dmu(), 1e-5 * Math.abs(left));
        assertEquals(1, constant.derivatives(t).dInflection());
        assertEquals(0, constant.derivatives(t).dx());
        CmgDerivatives step = Cmg.unit(0, 0.3).derivatives(t);
        assertEquals(0, step.dmu());
        assertEquals(0, step.dx());
        assertTrue(Double.isNaN(Cmg.unit(0, 0.5).derivatives(0.5).dx()), "no derivative at the jump");
    }

    @Test
    void clampedInputsHaveNoSlope() {
        assertEquals(0, Cmg.unit(0.3, 0.4).derivatives(1.5).dx());
        assertEquals(0, Cmg.unit(0.7, 0.4).derivatives(-0.5).dx());
    }

    @Test
    void muDerivativeOfTheLogitPhaseHasTheSignOfTheTrueSlope() {
        // the published reference code has this sign wrong; the value itself settles it
        Cmg c = Cmg.unit(0.8, 0.5);
        double t = 0.9;
        double increase = Cmg.unit(0.81, 0.5).value(t) - c.value(t);
        assertTrue(Math.signum(increase) == Math.signum(c.derivatives(t).dmu()));
    }

    @Test
    void lookupModeHasNoDerivatives() {
        Cmg c = new Cmg(0.7, 0.5, 0, 1, 0, 1, LogitMethod.LOOKUP1000);
        assertThrows(UnsupportedOperationException.class, () -> c.derivatives(0.5));
    }
}
