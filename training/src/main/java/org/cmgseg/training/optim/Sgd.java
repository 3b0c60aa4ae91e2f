package org.cmgseg.training.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/** SGD with heavy-ball momentum and L2 weight decay, as PyTorch's SGD: {@code b = m b + (g + wd w)}, {@code w -= lr b}. */
public final class Sgd extends Optimizer {

    private final double momentum;
    private final List<NDArray> velocity = new ArrayList<>();

    public Sgd(List<ParameterGroup> groups, double momentum) {
        super(groups);
        this.momentum = momentum;
        for (Parameter parameter : parameters()) {
            velocity.add(newState(parameter));
        }
    }

    @Override
    protected void update(int index, NDArray weight, NDArray gradient, double rate, double decay) {
        NDArray direction = decay == 0 ? gradient : gradient.add(weight.mul(decay));
        NDArray v = velocity.get(index).muli(momentum).addi(direction);
        weight.subi(v.mul(rate));
    }
}
