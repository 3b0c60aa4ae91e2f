package org.cmgseg.training.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every activation block's autograd gradients, for its input and each parameter element, against
 * central finite differences of the block itself (double precision, random inputs and parameters).
 */
class FiniteDifferenceGradientTest {

    private static final Shape SHAPE = new Shape(4, 6);

    @ParameterizedTest
    @EnumSource(ActivationChoice.class)
    void activationGradientsMatchFiniteDifferences(ActivationChoice choice) {
        Random random = new Random(choice.ordinal());
        double[] input = RandomInputs.awayFromZero(Math.toIntExact(SHAPE.size()), 0.05, 2.5, random);
        try (BlockProbe probe = new BlockProbe(choice.newBlock(), SHAPE, input, choice.ordinal())) {
            perturbParameters(probe, choice.newBlock(), random);
            check(probe, input, i -> true);
        }
    }

    @Test
    void inputModulatorGradientsMatchFiniteDifferences() {
        Random random = new Random(99);
        double[] input = RandomInputs.gaussian(Math.toIntExact(SHAPE.size()), 1, random);
        double min = java.util.Arrays.stream(input).min().getAsDouble();
        double max = java.util.Arrays.stream(input).max().getAsDouble();
        try (BlockProbe probe = new BlockProbe(new CmgFeatureModulator(), SHAPE, input, 5)) {
            double[] muLogit = RandomInputs.uniform(6, -2, 2, random);
            muLogit[0] = -0.8;
            muLogit[1] = 0.9;
            probe.set("mu_logit", muLogit);
            probe.set("inflection_logit", RandomInputs.uniform(6, -2, 2, random));
            // moving a batch extreme moves the range itself, which the block treats as constant
            check(probe, input, i -> input[i] != min && input[i] != max);
        }
    }

    /** Per channel of a convolution's output, in both phases (mu on either side of 0.5), steep ones included. */
    @Test
    void cmgActivationGradientsMatchFiniteDifferencesPerChannel() {
        Random random = new Random(7);
        Shape shape = new Shape(2, 4, 2, 3);
        double[] input = RandomInputs.gaussian(Math.toIntExact(shape.size()), 1.5, random);
        try (BlockProbe probe = new BlockProbe(new CmgActivation(), shape, input, 7)) {
            probe.set("mu_logit", new double[] {-1.2, -0.3, 0.4, 2.5});
            probe.set("inflection_logit", RandomInputs.uniform(4, -2, 2, random));
            check(probe, input, i -> true);
        }
    }

    /** Learnable blocks start at presets where some derivatives vanish; random parameters test the general case. */
    private static void perturbParameters(BlockProbe probe, Block fresh, Random random) {
        for (Parameter p : fresh.getParameters().values()) {
            if ((p.getName().equals("p3") || p.getName().equals("gamma")) && probe.values(p.getName())[0] > 1000) {
                continue; // LEAF's and AHAF's ReLU preset: keep its steepness, the case of interest
            }
            double[] values = probe.values(p.getName());
            for (int i = 0; i < values.length; i++) {
                values[i] += 0.3 * random.nextGaussian();
            }
            probe.set(p.getName(), values);
        }
    }

    private static void check(BlockProbe probe, double[] input, java.util.function.IntPredicate inputChecked) {
        Map<String, double[]> gradients = probe.gradients();
        int checked = 0;
        for (Map.Entry<String, double[]> entry : gradients.entrySet()) {
            String name = entry.getKey();
            double[] analytic = entry.getValue();
            for (int i = 0; i < analytic.length; i++) {
                double numeric;
                if (name.equals("input")) {
                    if (!inputChecked.test(i)) {
                        continue;
                    }
                    numeric = probe.numericInputDerivative(i, 1e-4 * Math.max(1, Math.abs(input[i])));
                } else {
                    double value = probe.values(name)[i];
                    numeric = probe.numericParameterDerivative(name, i, 1e-4 * Math.max(1, Math.abs(value)));
                }
                assertEquals(numeric, analytic[i], 1e-7 * Math.max(1, Math.abs(numeric)), name + "[" + i + "]");
                checked++;
            }
        }
        assertTrue(checked >= input.length / 2, "checked " + checked + " derivatives");
    }
}
