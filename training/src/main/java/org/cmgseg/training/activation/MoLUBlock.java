package org.cmgseg.training.activation;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;

/** MoLU, {@code x (1 + tanh x) / 2}, evaluated as the equal {@code x sigmoid(2x)}. No parameters. */
public final class MoLUBlock extends ElementwiseBlock {

    @Override
    NDArray apply(ParameterStore store, NDArray x, boolean training) {
        return x.mul(Activation.sigmoid(x.mul(constant(x, 2))));
    }

    @Override
    public String toString() {
        return "MoLU";
    }
}
