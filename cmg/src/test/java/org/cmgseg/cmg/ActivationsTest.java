package org.cmgseg.cmg;

import org.cmgseg.testkit.FiniteDifference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

/** LEAF, LAU and MoLU: presets, derivatives against finite differences, and no overflow. */
class ActivationsTest {

    private static final double[] EXTREMES = {-1e300, -1e10, -1e4, -750, -40, 40, 750, 1e4, 1e10, 1e300};

    private static void assertDerivative(String what, double analytic, DoubleUnaryOperator f, double at) {
        double h = 1e-4 * Math.max(1, Math.abs(at));
        double numeric = FiniteDifference.derivative(f, at, h);
        assertTrue(FiniteDifference.relativeError(analytic, numeric, 1e-3) < 1e-6,
                () -> what + " at " + at + ": " + analytic + " vs " + numeric);
    }

    @Property
    void leafPresetsAreTheClassicActivations(@ForAll @Scale(12) @DoubleRange(min = -30, max = 30) double u) {
        assertEquals(u * Sigmoid.value(u), LeafPreset.SILU.leaf().value(u), 1e-12);
        assertEquals(Math.tanh(u), LeafPreset.TANH.leaf().value(u), 1e-12);
        assertEquals(1 / (1 + Math.exp(-u)), LeafPreset.SIGMOID.leaf().value(u), 1e-12);
        if (Math.abs(u) >= 2.5e-4) { // u sigmoid(65536 u) departs from ReLU by up to 4.2e-6 next to 0
            assertEquals(Math.max(u, 0), LeafPreset.RELU.leaf().value(u), 1e-6);
        }
    }

    @Property(tries = 2000)
    void leafGradient(@ForAll @Scale(12) @DoubleRange(min = -3, max = 3) double p1, @ForAll @Scale(12) @DoubleRange(min = -3, max = 3) double p2,
                      @ForAll @Scale(12) @DoubleRange(min = -3, max = 3) double p3, @ForAll @Scale(12) @DoubleRange(min = -3, max = 3) double p4,
                      @ForAll @Scale(12) @DoubleRange(min = -5, max = 5) double u) {
        Leaf leaf = new Leaf(p1, p2, p3, p4);
        Leaf.Gradient g = leaf.gradient(u);
        assertDerivative("d/du", g.du(), leaf::value, u);
        assertDerivative("d/dp1", g.dp1(), p -> new Leaf(p, p2, p3, p4).value(u), p1);
        assertDerivative("d/dp2", g.dp2(), p -> new Leaf(p1, p, p3, p4).value(u), p2);
        assertDerivative("d/dp3", g.dp3(), p -> new Leaf(p1, p2, p, p4).value(u), p3);
        assertDerivative("d/dp4", g.dp4(), p -> new Leaf(p1, p2, p3, p).value(u), p4);
    }

    @Property(tries = 2000)
    void lauGradient(@ForAll @Scale(12) @DoubleRange(min = 0, max = 3) double a, @ForAll @Scale(12) @DoubleRange(min = -3, max = 3) double b,
                     @ForAll @Scale(12) @DoubleRange(min = -5, max = 5) double x) {
        Lau lau = new Lau(a, b);
        Lau.Gradient g = lau.gradient(x);
        assertDerivative("d/dx", g.dx(), lau::value, x);
        assertDerivative("d/da", g.da(), p -> new Lau(p, b).value(x), a);
        assertDerivative("d/db", g.db(), p -> new Lau(a, p).value(x), b);
    }

    @Property
    void moluIsTheTanhFormula(@ForAll @Scale(12) @DoubleRange(min = -15, max = 15) double x) {
        assertEquals(x * (1 + Math.tanh(x)) / 2, MoLU.value(x), 1e-12);
        assertDerivative("MoLU'", MoLU.derivative(x), MoLU::value, x);
    }

    @Test
    void noNaNOrInfinityFromOverflow() {
        Lau lau = Lau.INITIAL;
        for (LeafPreset preset : LeafPreset.values()) {
            Leaf leaf = preset.leaf();
            for (double u : EXTREMES) {
                Leaf.Gradient g = leaf.gradient(u);
                for (double v : new double[] {g.du(), g.dp1(), g.dp2(), g.dp3(), g.dp4()}) {
                    assertTrue(Double.isFinite(v), () -> preset + " gradient at " + u + ": " + g);
                }
                assertTrue(Double.isFinite(leaf.value(u)), () -> preset + " at " + u);
            }
        }
        for (double x : EXTREMES) {
            Lau.Gradient g = lau.gradient(x);
            assertTrue(Double.isFinite(lau.value(x)) && Double.isFinite(g.dx()) && Double.isFinite(g.da())
                    && Double.isFinite(g.db()), () -> "LAU at " + x + ": " + g);
            assertTrue(Double.isFinite(MoLU.value(x)) && Double.isFinite(MoLU.derivative(x)), () -> "MoLU at " + x);
        }
        assertEquals(1e300, MoLU.value(1e300));
        assertEquals(0, MoLU.value(-1e300), 0);
        assertEquals(1e300 * Math.log(2), lau.value(1e300), 1e285);
    }

    @Test
    void lauStartsAsXTimesLogOfOnePlusSigmoid() {
        assertEquals(2 * Math.log(1 + 1 / (1 + Math.exp(-2))), Lau.INITIAL.value(2), 1e-15);
    }
}
