package org.cmgseg.training.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import org.cmgseg.training.optim.ParameterGroup.Kind;
import org.junit.jupiter.api.Test;

/**
 * Two steps of each optimizer on a small parameter, against the published update rules evaluated
 * by hand in double precision.
 */
class OptimizerTest {

    private static final double[] W0 = {0.5, -1.25, 2.0};
    private static final double[] G1 = {0.3, -0.7, 0.05};
    private static final double[] G2 = {-0.2, 0.4, 0.9};
    private static final double LR = 0.1;
    private static final double WD = 0.01;

    /** Runs two steps with gradients G1 and G2 and returns the parameter values after each. */
    private static double[][] twoSteps(OptimizerChoice choice) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter w = Gradients.parameter(manager, "w", W0, 3);
            Optimizer optimizer = choice.create(List.of(new ParameterGroup(Kind.NETWORK, List.of(w), LR, WD)));
            Gradients.set(new Parameter[] {w}, new double[][] {G1});
            optimizer.step(1);
            double[] after1 = Gradients.values(w);
            Gradients.set(new Parameter[] {w}, new double[][] {G2});
            optimizer.step(0.5); // the schedule multiplier scales the rate
            return new double[][] {after1, Gradients.values(w)};
        }
    }

    @Test
    void sgdWithMomentumAndL2Decay() {
        double[][] result = twoSteps(OptimizerChoice.SGD);
        for (int i = 0; i < 3; i++) {
            double b1 = G1[i] + WD * W0[i];
            double w1 = W0[i] - LR * b1;
            double b2 = 0.9 * b1 + G2[i] + WD * w1;
            double w2 = w1 - 0.5 * LR * b2;
            assertEquals(w1, result[0][i], 1e-15);
            assertEquals(w2, result[1][i], 1e-15);
        }
    }

    @Test
    void adamWithL2DecayAndAdamWWithDecoupledDecay() {
        for (boolean decoupled : new boolean[] {false, true}) {
            double[][] result = twoSteps(decoupled ? OptimizerChoice.ADAMW : OptimizerChoice.ADAM);
            for (int i = 0; i < 3; i++) {
                double w = W0[i];
                double m = 0;
                double v = 0;
                double[] g = {G1[i], G2[i]};
                double[] rate = {LR, 0.5 * LR};
                for (int t = 1; t <= 2; t++) {
                    double grad = g[t - 1];
                    if (decoupled) {
                        w *= 1 - rate[t - 1] * WD;
                    } else {
                        grad += WD * w;
                    }
                    m = 0.9 * m + 0.1 * grad;
                    v = 0.999 * v + 0.001 * grad * grad;
                    double mHat = m / (1 - Math.pow(0.9, t));
                    double vHat = v / (1 - Math.pow(0.999, t));
                    w -= rate[t - 1] * mHat / (Math.sqrt(vHat) + 1e-8);
                    assertEquals(w, result[t - 1][i], 1e-14, (decoupled ? "AdamW" : "Adam") + " step " + t + " element " + i);
                }
            }
        }
    }

    @Test
    void rmsProp() {
        double[][] result = twoSteps(OptimizerChoice.RMSPROP);
        for (int i = 0; i < 3; i++) {
            double g1 = G1[i] + WD * W0[i];
            double s1 = 0.01 * g1 * g1;
            double w1 = W0[i] - LR * g1 / (Math.sqrt(s1) + 1e-8);
            double g2 = G2[i] + WD * w1;
            double s2 = 0.99 * s1 + 0.01 * g2 * g2;
            double w2 = w1 - 0.5 * LR * g2 / (Math.sqrt(s2) + 1e-8);
            assertEquals(w1, result[0][i], 1e-14);
            assertEquals(w2, result[1][i], 1e-14);
        }
    }

    @Test
    void muonOrthogonalisesMatrixUpdatesAndUsesAdamWForTheRest() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // a tall matrix (3 x 2) whose gradient has singular values 4 and 0.25, and a bias
            Parameter matrix = Gradients.parameter(manager, "weight", new double[6], 3, 2);
            Parameter bias = Gradients.parameter(manager, "bias", W0, 3);
            Optimizer muon = OptimizerChoice.MUON.create(List.of(new ParameterGroup(Kind.NETWORK, List.of(matrix, bias), LR, 0)));
            double c = Math.cos(0.4);
            double s = Math.sin(0.4);
            // G = U diag(4, 0.25) V^T with orthonormal columns U = [(c, s, 0), (0, 0, 1)], V = I
            double[] gradient = {4 * c, 0, 4 * s, 0, 0, 0.25};
            Gradients.set(new Parameter[] {matrix, bias}, new double[][] {gradient, G1});
            muon.step(1);
            double[] o = Gradients.values(matrix);
            double scale = LR * Math.sqrt(3.0 / 2);
            // -O / scale = U diag(f(4), f(0.25)) V^T: the same singular vectors, singular values pushed towards 1
            double first = -o[0] / (scale * c);
            double second = -o[5] / scale;
            assertEquals(first, -o[2] / (scale * s), 1e-9, "first singular vector kept");
            assertEquals(0, o[1], 1e-12);
            assertEquals(0, o[3], 1e-12);
            assertEquals(0, o[4], 1e-12);
            assertTrue(first > 0.6 && first < 1.25, "large singular value mapped near 1: " + first);
            assertTrue(second > 0.6 && second < 1.25, "small singular value mapped near 1: " + second);
            double[] b = Gradients.values(bias);
            for (int i = 0; i < 3; i++) {
                // one AdamW step from zero moments moves by lr * g / (|g| + eps)
                assertEquals(W0[i] - LR * G1[i] / (Math.abs(G1[i]) + 1e-8), b[i], 1e-12);
            }
        }
    }

    @Test
    void unknownOptimizersListTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OptimizerChoice.parse("lion"));
        assertTrue(e.getMessage().contains("sgd, adam, adamw, rmsprop, muon"), e.getMessage());
    }

    @Test
    void groupsHaveTheirOwnRatesAndDecay() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter fast = Gradients.parameter(manager, "fast", W0, 3);
            Parameter slow = Gradients.parameter(manager, "slow", W0, 3);
            Optimizer sgd = OptimizerChoice.SGD.create(List.of(new ParameterGroup(Kind.NETWORK, List.of(fast), 0.1, WD),
                    new ParameterGroup(Kind.LEAF_OFFSETS, List.of(slow), 1e-6, 0)));
            Gradients.set(new Parameter[] {fast, slow}, new double[][] {G1, G1});
            sgd.step(1);
            double[] expectedFast = new double[3];
            double[] expectedSlow = new double[3];
            for (int i = 0; i < 3; i++) {
                expectedFast[i] = W0[i] - 0.1 * (G1[i] + WD * W0[i]);
                expectedSlow[i] = W0[i] - 1e-6 * G1[i];
            }
            assertArrayEquals(expectedFast, Gradients.values(fast), 1e-15);
            assertArrayEquals(expectedSlow, Gradients.values(slow), 1e-15);
        }
    }
}
