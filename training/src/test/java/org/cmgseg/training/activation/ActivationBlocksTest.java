package org.cmgseg.training.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.Map;
import java.util.Random;
import org.cmgseg.cmg.Lau;
import org.cmgseg.cmg.Leaf;
import org.cmgseg.cmg.LeafPreset;
import org.cmgseg.cmg.MoLU;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** LEAF, LAU and MoLU blocks against the cmg module's scalar functions and their analytic gradients, on random inputs. */
class ActivationBlocksTest {

    private static final int BATCH = 6;
    private static final int UNITS = 5;

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), what);
    }

    @ParameterizedTest
    @EnumSource(LeafPreset.class)
    void leafStartsAsItsPreset(LeafPreset preset) {
        double[] u = RandomInputs.awayFromZero(BATCH * UNITS, 0.01, 3, new Random(preset.ordinal()));
        try (BlockProbe probe = new BlockProbe(new LeafBlock(preset), new Shape(BATCH, UNITS), u, 1)) {
            double[] y = probe.output();
            for (int i = 0; i < u.length; i++) {
                assertClose(preset.leaf().value(u[i]), y[i], preset + " at " + u[i]);
            }
        }
    }

    /** ReLU, SiLU, tanh and sigmoid are the LEAF presets: the cmg module's Leaf is their oracle too. */
    @ParameterizedTest
    @EnumSource(value = ActivationChoice.class, names = {"RELU", "SILU", "TANH", "SIGMOID"})
    void standardActivationsMatchTheirLeafPresets(ActivationChoice choice) {
        Leaf leaf = LeafPreset.valueOf(choice.name()).leaf();
        // away from 0, where the ReLU preset is ReLU to within exp(-65536 * 0.01)
        double[] u = RandomInputs.awayFromZero(BATCH * UNITS, 0.01, 4, new Random(choice.ordinal()));
        try (BlockProbe probe = new BlockProbe(choice.newBlock(), new Shape(BATCH, UNITS), u, 5)) {
            double[] y = probe.output();
            double[] du = probe.gradients().get("input");
            for (int i = 0; i < u.length; i++) {
                assertClose(leaf.value(u[i]), y[i], choice + " at " + u[i]);
                assertClose(probe.weight(i) * leaf.gradient(u[i]).du(), du[i], choice + "' at " + u[i]);
            }
        }
    }

    @Test
    void leafWithPerNeuronParametersMatchesValuesAndGradients() {
        Random random = new Random(42);
        double[] u = RandomInputs.gaussian(BATCH * UNITS, 2, random);
        double[][] p = new double[4][];
        for (int k = 0; k < 4; k++) {
            p[k] = RandomInputs.uniform(UNITS, -1.5, 1.5, random);
        }
        try (BlockProbe probe = new BlockProbe(new LeafBlock(LeafPreset.SILU), new Shape(BATCH, UNITS), u, 2)) {
            for (int k = 0; k < 4; k++) {
                probe.set("p" + (k + 1), p[k]);
            }
            double[] y = probe.output();
            Map<String, double[]> gradients = probe.gradients();
            double[][] expected = new double[4][UNITS];
            for (int i = 0; i < u.length; i++) {
                int n = i % UNITS;
                Leaf leaf = new Leaf(p[0][n], p[1][n], p[2][n], p[3][n]);
                assertClose(leaf.value(u[i]), y[i], "value " + i);
                Leaf.Gradient g = leaf.gradient(u[i]);
                assertClose(probe.weight(i) * g.du(), gradients.get("input")[i], "d/du " + i);
                double w = probe.weight(i);
                expected[0][n] += w * g.dp1();
                expected[1][n] += w * g.dp2();
                expected[2][n] += w * g.dp3();
                expected[3][n] += w * g.dp4();
            }
            for (int k = 0; k < 4; k++) {
                for (int n = 0; n < UNITS; n++) {
                    assertClose(expected[k][n], gradients.get("p" + (k + 1))[n], "d/dp" + (k + 1) + " neuron " + n);
                }
            }
        }
    }

    @Test
    void leafAfterAConvolutionHasOneParameterSetPerElement() {
        try (NDManager manager = NDManager.newBaseManager()) {
            LeafBlock block = new LeafBlock(LeafPreset.TANH);
            block.initialize(manager, DataType.FLOAT32, new Shape(8, 3, 5, 7));
            for (Parameter p : block.getParameters().values()) {
                assertEquals(new Shape(3, 5, 7), p.getArray().getShape(), p.getName());
            }
        }
    }

    @Test
    void lauMatchesValuesAndGradients() {
        Random random = new Random(7);
        double[] x = RandomInputs.gaussian(BATCH * UNITS, 3, random);
        double a = 0.7;
        double b = 1.6;
        try (BlockProbe probe = new BlockProbe(new LauBlock(), new Shape(BATCH, UNITS), x, 3)) {
            assertEquals(Lau.INITIAL.a(), probe.values("a")[0]);
            assertEquals(Lau.INITIAL.b(), probe.values("b")[0]);
            probe.set("a", new double[] {a});
            probe.set("b", new double[] {b});
            Lau lau = new Lau(a, b);
            double[] y = probe.output();
            Map<String, double[]> gradients = probe.gradients();
            double da = 0;
            double db = 0;
            for (int i = 0; i < x.length; i++) {
                assertClose(lau.value(x[i]), y[i], "value " + i);
                Lau.Gradient g = lau.gradient(x[i]);
                assertClose(probe.weight(i) * g.dx(), gradients.get("input")[i], "d/dx " + i);
                da += probe.weight(i) * g.da();
                db += probe.weight(i) * g.db();
            }
            assertClose(da, gradients.get("a")[0], "d/da");
            assertClose(db, gradients.get("b")[0], "d/db");
        }
    }

    @Test
    void unknownActivationsListTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ActivationChoice.parse("gelu"));
        assertTrue(e.getMessage().contains("relu, silu, tanh, sigmoid, leaf:relu, leaf:silu, leaf:tanh, leaf:sigmoid, ahaf:relu, ahaf:silu, cmg, lau, molu"),
                e.getMessage());
    }

    @Test
    void moluMatchesValuesAndDerivative() {
        double[] x = RandomInputs.gaussian(BATCH * UNITS, 4, new Random(9));
        try (BlockProbe probe = new BlockProbe(new MoLUBlock(), new Shape(BATCH, UNITS), x, 4)) {
            double[] y = probe.output();
            double[] dx = probe.gradients().get("input");
            for (int i = 0; i < x.length; i++) {
                assertClose(MoLU.value(x[i]), y[i], "value " + i);
                assertClose(probe.weight(i) * MoLU.derivative(x[i]), dx[i], "derivative " + i);
            }
        }
    }
}
