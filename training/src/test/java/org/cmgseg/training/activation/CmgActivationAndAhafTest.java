package org.cmgseg.training.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.cmgseg.cmg.Cmg;
import org.cmgseg.cmg.Leaf;
import org.cmgseg.cmg.LeafPreset;
import org.junit.jupiter.api.Test;

/**
 * The CMG activation against the cmg module's exact curve (and tanh, where it starts), per channel and
 * per neuron; AHAF against the cmg module's LEAF with p2 = p4 = 0. Gradients: {@link FiniteDifferenceGradientTest}.
 */
class CmgActivationAndAhafTest {

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    @Test
    void cmgActivationStartsAsTanh() {
        double[] u = RandomInputs.gaussian(6 * 5, 3, new Random(1));
        try (BlockProbe probe = new BlockProbe(new CmgActivation(), new Shape(6, 5), u, 1)) {
            double[] y = probe.output();
            for (int i = 0; i < u.length; i++) {
                assertEquals(Math.tanh(u[i]), y[i], 1e-15, "at " + u[i]);
            }
        }
    }

    /** Channels of a convolution's output, each with its own curve: logistic and logit phases, steep and flat. */
    @Test
    void cmgActivationIsTheCmgCurveOfTheSquashedInputPerChannel() {
        double[] mu = {0.1, 0.35, 0.5, 0.62, 0.8, 0.97};
        double[] inflection = {0.3, 0.9, 0.5, 0.15, 0.6, 0.45};
        Shape shape = new Shape(3, mu.length, 2, 3);
        double[] u = RandomInputs.gaussian(Math.toIntExact(shape.size()), 2.5, new Random(2));
        try (BlockProbe probe = new BlockProbe(new CmgActivation(), shape, u, 2)) {
            assertEquals(new Shape(mu.length, 1, 1), probe.parameter("mu_logit").getArray().getShape());
            double[] muLogit = new double[mu.length];
            double[] inflectionLogit = new double[mu.length];
            for (int c = 0; c < mu.length; c++) {
                muLogit[c] = logit(mu[c]);
                inflectionLogit[c] = logit(inflection[c]);
            }
            probe.set("mu_logit", muLogit);
            probe.set("inflection_logit", inflectionLogit);
            double[] y = probe.output();
            for (int i = 0; i < u.length; i++) {
                int channel = (i / 6) % mu.length;
                Cmg curve = new Cmg(mu[channel], inflection[channel], 0, 1, -1, 1);
                assertEquals(curve.value(sigmoid(2 * u[i])), y[i], 1e-9, "channel " + channel + " at " + u[i]);
            }
        }
    }

    @Test
    void ahafStartsAsReluOrSilu() {
        double[] u = RandomInputs.awayFromZero(4 * 5, 0.01, 4, new Random(3));
        for (ActivationChoice choice : new ActivationChoice[] {ActivationChoice.AHAF_RELU, ActivationChoice.AHAF_SILU}) {
            Leaf leaf = (choice == ActivationChoice.AHAF_RELU ? LeafPreset.RELU : LeafPreset.SILU).leaf();
            try (BlockProbe probe = new BlockProbe(choice.newBlock(), new Shape(4, 5), u, 3)) {
                double[] y = probe.output();
                for (int i = 0; i < u.length; i++) {
                    assertEquals(leaf.value(u[i]), y[i], 1e-12 * Math.max(1, Math.abs(u[i])), choice + " at " + u[i]);
                }
            }
        }
    }

    @Test
    void ahafIsLeafWithoutOffsetsPerElement() {
        Random random = new Random(4);
        double[] u = RandomInputs.gaussian(4 * 5, 2, random);
        double[] beta = RandomInputs.uniform(5, -1.5, 1.5, random);
        double[] gamma = RandomInputs.uniform(5, -3, 3, random);
        try (BlockProbe probe = new BlockProbe(new AhafBlock(false), new Shape(4, 5), u, 4)) {
            probe.set("beta", beta);
            probe.set("gamma", gamma);
            double[] y = probe.output();
            double[] expected = new double[u.length];
            for (int i = 0; i < u.length; i++) {
                expected[i] = new Leaf(beta[i % 5], 0, gamma[i % 5], 0).value(u[i]);
            }
            assertArrayEquals(expected, y, 1e-12);
        }
    }
}
