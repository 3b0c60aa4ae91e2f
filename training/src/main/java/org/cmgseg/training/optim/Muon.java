package org.cmgseg.training.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Muon for matrices (dense-layer weights): Nesterov momentum, then the update orthogonalised by
 * Newton-Schulz and scaled by {@code sqrt(max(1, rows/columns))}, decoupled weight decay. Every
 * other parameter (biases, convolution kernels, activation parameters) is updated by AdamW with
 * the same learning rate.
 */
public final class Muon extends Optimizer {

    static final double MOMENTUM = 0.95;

    /** Muon's momentum buffer of a matrix, or Adam's first moment of any other parameter. */
    private final List<NDArray> momentum = new ArrayList<>();
    /** Adam's second moment, or null for a matrix. */
    private final List<NDArray> second = new ArrayList<>();

    public Muon(List<ParameterGroup> groups) {
        super(groups);
        for (Parameter parameter : parameters()) {
            momentum.add(newState(parameter));
            second.add(isMatrix(parameter) ? null : newState(parameter));
        }
    }

    private static boolean isMatrix(Parameter parameter) {
        return parameter.getArray().getShape().dimension() == 2;
    }

    @Override
    protected void update(int index, NDArray weight, NDArray gradient, double rate, double decay) {
        weight.muli(1 - rate * decay);
        if (second.get(index) == null) {
            NDArray buffer = momentum.get(index).muli(MOMENTUM).addi(gradient);
            NDArray nesterov = gradient.add(buffer.mul(MOMENTUM));
            double rows = weight.getShape().get(0);
            double columns = weight.getShape().get(1);
            weight.subi(NewtonSchulz.orthogonalise(nesterov).muli(rate * Math.sqrt(Math.max(1, rows / columns))));
        } else {
            Adam.step(weight, gradient, momentum.get(index), second.get(index), rate, steps());
        }
    }
}
