package org.cmgseg.training.activation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import org.cmgseg.cmg.Lau;

/** LAU (Logmoid), {@code x ln(1 + a sigmoid(b x))}, with one trainable a and b per layer, both initially 1. */
public final class LauBlock extends ElementwiseBlock implements LearnableActivation {

    private final Parameter a;
    private final Parameter b;

    public LauBlock() {
        a = addParameter(parameter("a", new ConstantInitializer((float) Lau.INITIAL.a())));
        b = addParameter(parameter("b", new ConstantInitializer((float) Lau.INITIAL.b())));
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        a.setShape(new Shape(1));
        b.setShape(new Shape(1));
    }

    @Override
    NDArray apply(ParameterStore store, NDArray x, boolean training) {
        NDArray gate = Activation.sigmoid(x.mul(value(store, b, x, training)));
        return x.mul(gate.mul(value(store, a, x, training)).add(1).log());
    }

    @Override
    public String toString() {
        return "LAU";
    }
}
