package org.cmgseg.training.activation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import java.util.List;
import org.cmgseg.cmg.LeafPreset;

/**
 * AHAF, the adaptive hybrid activation function of the LEAF paper's authors (Bodyanskiy and Kostiuk):
 * {@code beta u sigmoid(gamma u)}, LEAF with p2 = p4 = 0, with one (beta, gamma) per activation element
 * as {@link LeafBlock} has. Initialised as SiLU (beta = gamma = 1) or as ReLU (beta = 1 and gamma as
 * steep as LEAF's ReLU preset, 2^16, which is ReLU beyond |u| of about 2^-12).
 */
public final class AhafBlock extends ElementwiseBlock implements LearnableActivation {

    private final boolean asRelu;
    private final Parameter beta;
    private final Parameter gamma;

    public AhafBlock(boolean asRelu) {
        this.asRelu = asRelu;
        float steepness = asRelu ? (float) LeafPreset.RELU.leaf().p3() : 1f;
        beta = addParameter(parameter("beta", new ConstantInitializer(1f)));
        gamma = addParameter(parameter("gamma", new ConstantInitializer(steepness)));
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape element = inputShapes[0].slice(1);
        for (Parameter p : List.of(beta, gamma)) {
            p.setShape(element);
        }
    }

    @Override
    NDArray apply(ParameterStore store, NDArray u, boolean training) {
        NDArray gate = Activation.sigmoid(u.mul(value(store, gamma, u, training)));
        return u.mul(value(store, beta, u, training)).mul(gate);
    }

    @Override
    public String toString() {
        return "AHAF(" + (asRelu ? "relu" : "silu") + ")";
    }
}
