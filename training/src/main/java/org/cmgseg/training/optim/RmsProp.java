package org.cmgseg.training.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/** RMSprop as PyTorch's (no momentum, not centred): {@code s = a s + (1 - a) g^2}, {@code w -= lr g / (sqrt(s) + eps)}, L2 decay. */
public final class RmsProp extends Optimizer {

    private static final double ALPHA = 0.99;
    private static final double EPSILON = 1e-8;

    private final List<NDArray> meanSquare = new ArrayList<>();

    public RmsProp(List<ParameterGroup> groups) {
        super(groups);
        for (Parameter parameter : parameters()) {
            meanSquare.add(newState(parameter));
        }
    }

    @Override
    protected void update(int index, NDArray weight, NDArray gradient, double rate, double decay) {
        NDArray g = decay == 0 ? gradient : gradient.add(weight.mul(decay));
        NDArray s = meanSquare.get(index).muli(ALPHA).addi(g.square().muli(1 - ALPHA));
        weight.subi(g.div(s.sqrt().addi(EPSILON)).muli(rate));
    }
}
