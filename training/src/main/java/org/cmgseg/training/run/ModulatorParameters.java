package org.cmgseg.training.run;

import ai.djl.ndarray.NDArray;
import org.cmgseg.cmg.Sigmoid;
import org.cmgseg.training.activation.CmgFeatureModulator;

/** The (mu, I) pair of every input feature of a CMG input feature modulator. */
public record ModulatorParameters(double[] mu, double[] inflection) {

    static ModulatorParameters of(CmgFeatureModulator modulator) {
        return new ModulatorParameters(sigmoid(modulator.muLogit().getArray()), sigmoid(modulator.inflectionLogit().getArray()));
    }

    private static double[] sigmoid(NDArray logits) {
        float[] values = logits.toFloatArray();
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = Sigmoid.value(values[i]);
        }
        return result;
    }
}
