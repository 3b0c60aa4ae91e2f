package org.cmgseg.training.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Map;
import java.util.Random;
import org.cmgseg.cmg.Cmg;
import org.cmgseg.cmg.CmgDerivatives;
import org.cmgseg.cmg.Sigmoid;
import org.junit.jupiter.api.Test;

/**
 * The input feature modulator against the cmg module's exact CMG curve and its analytic
 * derivatives (implicit-function derivatives in the logit phase), feature by feature, on random
 * inputs and parameters covering both the logistic and the logit branch.
 */
class CmgFeatureModulatorTest {

    private static final int BATCH = 16;
    private static final int FEATURES = 10;

    private record Case(double[] x, double[] muLogit, double[] inflectionLogit, double xmin, double xmax) {
        double mu(int f) {
            return Sigmoid.value(muLogit[f]);
        }

        double inflection(int f) {
            return Sigmoid.value(inflectionLogit[f]);
        }

        Cmg curve(int f) {
            return new Cmg(mu(f), inflection(f), xmin, xmax, xmin, xmax);
        }

        boolean isExtreme(int i) {
            return x[i] == xmin || x[i] == xmax;
        }
    }

    private static Case randomCase(long seed) {
        Random random = new Random(seed);
        double[] x = RandomInputs.gaussian(BATCH * FEATURES, 1.5, random);
        double[] muLogit = RandomInputs.uniform(FEATURES, -2.5, 2.5, random);
        muLogit[0] = -1; // both branches, whatever the draw
        muLogit[1] = 1.5;
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            xmin = Math.min(xmin, v);
            xmax = Math.max(xmax, v);
        }
        return new Case(x, muLogit, RandomInputs.uniform(FEATURES, -2.5, 2.5, random), xmin, xmax);
    }

    private static BlockProbe probe(Case c, long seed) {
        BlockProbe probe = new BlockProbe(new CmgFeatureModulator(), new Shape(BATCH, FEATURES), c.x, seed);
        probe.set("mu_logit", c.muLogit);
        probe.set("inflection_logit", c.inflectionLogit);
        return probe;
    }

    @Test
    void valuesEqualTheExactCurveOfEveryFeature() {
        for (long seed = 0; seed < 5; seed++) {
            Case c = randomCase(seed);
            try (BlockProbe probe = probe(c, seed)) {
                double[] y = probe.output();
                for (int i = 0; i < y.length; i++) {
                    double expected = c.curve(i % FEATURES).value(c.x[i]);
                    assertEquals(expected, y[i], 1e-12 * (c.xmax - c.xmin), "seed " + seed + " element " + i);
                }
            }
        }
    }

    @Test
    void gradientsEqualTheAnalyticDerivatives() {
        for (long seed = 0; seed < 5; seed++) {
            Case c = randomCase(seed);
            try (BlockProbe probe = probe(c, seed)) {
                Map<String, double[]> gradients = probe.gradients();
                double[] muExpected = new double[FEATURES];
                double[] inflectionExpected = new double[FEATURES];
                for (int i = 0; i < c.x.length; i++) {
                    int f = i % FEATURES;
                    CmgDerivatives d = c.curve(f).derivatives(c.x[i]);
                    // chain rule through mu = sigmoid(muLogit), I = sigmoid(inflectionLogit)
                    muExpected[f] += probe.weight(i) * d.dmu() * c.mu(f) * (1 - c.mu(f));
                    inflectionExpected[f] += probe.weight(i) * d.dInflection() * c.inflection(f) * (1 - c.inflection(f));
                    if (!c.isExtreme(i)) {
                        assertEquals(probe.weight(i) * d.dx(), gradients.get("input")[i],
                                1e-9 * Math.max(1, Math.abs(d.dx())), "d/dx, seed " + seed + " element " + i);
                    }
                }
                for (int f = 0; f < FEATURES; f++) {
                    assertEquals(muExpected[f], gradients.get("mu_logit")[f], 1e-9 * Math.max(1, Math.abs(muExpected[f])),
                            "d/dmu, seed " + seed + " feature " + f + " (mu " + c.mu(f) + ")");
                    assertEquals(inflectionExpected[f], gradients.get("inflection_logit")[f],
                            1e-9 * Math.max(1, Math.abs(inflectionExpected[f])), "d/dI, seed " + seed + " feature " + f);
                }
            }
        }
    }

    /**
     * Image-shaped input (features in two dimensions), with the features split between the phases and with all in
     * one phase: each phase is computed on its own features and put back in place.
     */
    @Test
    void imageShapedInputsKeepEveryFeatureInPlace() {
        Case c = randomCase(13);
        double[] allLogistic = new double[FEATURES];
        double[] allLogit = new double[FEATURES];
        for (int f = 0; f < FEATURES; f++) {
            allLogistic[f] = -0.1 - 0.2 * f;
            allLogit[f] = 0.1 + 0.2 * f;
        }
        for (double[] muLogit : new double[][] {c.muLogit, allLogistic, allLogit}) {
            Case phases = new Case(c.x, muLogit, c.inflectionLogit, c.xmin, c.xmax);
            try (BlockProbe probe = new BlockProbe(new CmgFeatureModulator(), new Shape(BATCH, 2, FEATURES / 2), c.x, 13)) {
                probe.set("mu_logit", muLogit);
                probe.set("inflection_logit", c.inflectionLogit);
                double[] y = probe.output();
                for (int i = 0; i < y.length; i++) {
                    assertEquals(phases.curve(i % FEATURES).value(c.x[i]), y[i], 1e-12 * (c.xmax - c.xmin), "element " + i);
                }
            }
        }
    }

    @Test
    void theBatchExtremesGetNoInputGradientToSpeakOf() {
        Case c = randomCase(7);
        try (BlockProbe probe = probe(c, 7)) {
            double[] dx = probe.gradients().get("input");
            for (int i = 0; i < c.x.length; i++) {
                if (c.isExtreme(i)) {
                    assertEquals(0, dx[i], 1e-300, "element " + i);
                }
            }
        }
    }

    @Test
    void steepLogitPhasesConvergeAndKeepTheirEnds() {
        // mu up to 0.9995 (k = -1800): the root solver's hardest case, and ends that need the exact mapping
        Case c = randomCase(11);
        double[] muLogit = c.muLogit.clone();
        for (int f = 0; f < FEATURES; f++) {
            muLogit[f] = 2 + 5.5 * f / (FEATURES - 1);
        }
        Case steep = new Case(c.x, muLogit, c.inflectionLogit, c.xmin, c.xmax);
        try (BlockProbe probe = probe(steep, 11)) {
            double[] y = probe.output();
            for (int i = 0; i < y.length; i++) {
                assertEquals(steep.curve(i % FEATURES).value(c.x[i]), y[i], 1e-10 * (c.xmax - c.xmin), "element " + i);
            }
        }
    }

    /** A float32 block of the case's parameters, rounded to float. */
    private static CmgFeatureModulator float32Block(NDManager manager, Case c) {
        CmgFeatureModulator block = new CmgFeatureModulator();
        block.initialize(manager, DataType.FLOAT32, new Shape(BATCH, FEATURES));
        block.muLogit().getArray().set(toFloats(c.muLogit));
        block.inflectionLogit().getArray().set(toFloats(c.inflectionLogit));
        return block;
    }

    @Test
    void float32ValuesMatchToSinglePrecision() {
        Case c = randomCase(3);
        try (NDManager manager = NDManager.newBaseManager()) {
            CmgFeatureModulator block = float32Block(manager, c);
            float[] xf = toFloats(c.x);
            NDArray x = manager.create(xf, new Shape(BATCH, FEATURES));
            float[] y = block.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow().toFloatArray();
            for (int i = 0; i < y.length; i++) {
                int f = i % FEATURES;
                Cmg curve = new Cmg(Sigmoid.value((float) c.muLogit[f]), Sigmoid.value((float) c.inflectionLogit[f]),
                        (float) c.xmin, (float) c.xmax, (float) c.xmin, (float) c.xmax);
                assertEquals(curve.value(xf[i]), y[i], 2e-6 * (c.xmax - c.xmin), "element " + i);
            }
        }
    }

    @Test
    void float32GradientsMatchToSinglePrecision() {
        Case c = randomCase(4);
        try (NDManager manager = NDManager.newBaseManager()) {
            CmgFeatureModulator block = float32Block(manager, c);
            float[] xf = toFloats(c.x);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = block.forward(new ParameterStore(manager, false), new NDList(manager.create(xf, new Shape(BATCH, FEATURES))),
                        true).singletonOrThrow();
                collector.backward(y.sum());
            }
            float[] dMuLogit = block.muLogit().getArray().getGradient().toFloatArray();
            float[] dInflectionLogit = block.inflectionLogit().getArray().getGradient().toFloatArray();
            double xmin = Double.POSITIVE_INFINITY;
            double xmax = Double.NEGATIVE_INFINITY;
            for (float v : xf) {
                xmin = Math.min(xmin, v);
                xmax = Math.max(xmax, v);
            }
            for (int f = 0; f < FEATURES; f++) {
                double mu = Sigmoid.value((float) c.muLogit[f]);
                double inflection = Sigmoid.value((float) c.inflectionLogit[f]);
                Cmg curve = new Cmg(mu, inflection, xmin, xmax, xmin, xmax);
                double muExpected = 0;
                double inflectionExpected = 0;
                for (int b = 0; b < BATCH; b++) {
                    CmgDerivatives d = curve.derivatives(xf[b * FEATURES + f]);
                    muExpected += d.dmu() * mu * (1 - mu);
                    inflectionExpected += d.dInflection() * inflection * (1 - inflection);
                }
                assertEquals(muExpected, dMuLogit[f], 1e-4 * Math.max(1, Math.abs(muExpected)), "d/dmu, feature " + f);
                assertEquals(inflectionExpected, dInflectionLogit[f], 1e-4 * Math.max(1, Math.abs(inflectionExpected)),
                        "d/dI, feature " + f);
            }
        }
    }

    @Test
    void float32SteepPhasesKeepTheirEnds() {
        // mu = sigmoid(5) = 0.9933 with I near 0 and 1: the root at the range ends lies beyond float32's logit range
        try (NDManager manager = NDManager.newBaseManager()) {
            CmgFeatureModulator block = new CmgFeatureModulator();
            block.initialize(manager, DataType.FLOAT32, new Shape(3, 2));
            block.muLogit().getArray().set(new float[] {5, 5});
            block.inflectionLogit().getArray().set(new float[] {3, -3});
            float[] x = {-1, 2, 0.5f, -1, 2, 0.25f};
            float[] y = block.forward(new ParameterStore(manager, false), new NDList(manager.create(x, new Shape(3, 2))), false)
                    .singletonOrThrow().toFloatArray();
            for (int i = 0; i < x.length; i++) {
                Cmg curve = new Cmg(Sigmoid.value(5f), Sigmoid.value(i % 2 == 0 ? 3f : -3f), -1, 2, -1, 2);
                assertEquals(curve.value(x[i]), y[i], 2e-6 * 3, "element " + i);
            }
            assertEquals(-1f, y[0]);
            assertEquals(2f, y[1]);
        }
    }

    @Test
    void initialParametersFollowThePaper() {
        try (NDManager manager = NDManager.newBaseManager()) {
            CmgFeatureModulator block = new CmgFeatureModulator();
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            assertEquals(new Shape(3, 32, 32), block.muLogit().getArray().getShape());
            float[] muLogit = block.muLogit().getArray().toFloatArray();
            float[] inflectionLogit = block.inflectionLogit().getArray().toFloatArray();
            double muMean = 0;
            double inflectionMean = 0;
            for (int i = 0; i < muLogit.length; i++) {
                double mu = Sigmoid.value(muLogit[i]);
                double inflection = Sigmoid.value(inflectionLogit[i]);
                assertTrue(mu >= 0.25 - 1e-6 && mu <= 0.75 + 1e-6, "mu " + mu);
                assertTrue(inflection > 0 && inflection < 1, "I " + inflection);
                muMean += mu / muLogit.length;
                inflectionMean += inflection / muLogit.length;
            }
            // uniform on (0.25, 0.75) and (0, 1): means 0.5 within a few standard errors (0.003 and 0.005)
            assertEquals(0.5, muMean, 0.015);
            assertEquals(0.5, inflectionMean, 0.025);
        }
    }

    private static float[] toFloats(double[] values) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) values[i];
        }
        return result;
    }
}
