package org.cmgseg.training.activation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import java.util.List;
import org.cmgseg.cmg.Leaf;
import org.cmgseg.cmg.LeafPreset;

/**
 * LEAF, {@code (p1 u + p2) sigmoid(p3 u) + p4}, with one parameter set per activation element (per
 * neuron after a dense layer, per channel, row and column after a convolution), initialised from a
 * {@link LeafPreset}.
 */
public final class LeafBlock extends ElementwiseBlock implements LearnableActivation {

    private final LeafPreset preset;
    private final Parameter p1;
    private final Parameter p2;
    private final Parameter p3;
    private final Parameter p4;

    public LeafBlock(LeafPreset preset) {
        this.preset = preset;
        Leaf leaf = preset.leaf();
        p1 = addParameter(parameter("p1", new ConstantInitializer((float) leaf.p1())));
        p2 = addParameter(parameter("p2", new ConstantInitializer((float) leaf.p2())));
        p3 = addParameter(parameter("p3", new ConstantInitializer((float) leaf.p3())));
        p4 = addParameter(parameter("p4", new ConstantInitializer((float) leaf.p4())));
    }

    public LeafPreset preset() {
        return preset;
    }

    /** p2 and p4, the offsets, which the P24SI setting trains with a much smaller learning rate. */
    public List<Parameter> offsets() {
        return List.of(p2, p4);
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape element = inputShapes[0].slice(1);
        for (Parameter p : List.of(p1, p2, p3, p4)) {
            p.setShape(element);
        }
    }

    @Override
    NDArray apply(ParameterStore store, NDArray u, boolean training) {
        NDArray gate = Activation.sigmoid(u.mul(value(store, p3, u, training)));
        return u.mul(value(store, p1, u, training)).add(value(store, p2, u, training)).mul(gate)
                .add(value(store, p4, u, training));
    }

    @Override
    public String toString() {
        return "LEAF(" + preset.name().toLowerCase() + ")";
    }
}
