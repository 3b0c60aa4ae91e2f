package org.cmgseg.training.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam with bias correction. Weight decay is either L2 (added to the gradient, as PyTorch's Adam)
 * or decoupled ({@code w *= 1 - lr wd} before the step, AdamW).
 */
public final class Adam extends Optimizer {

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private final boolean decoupled;
    private final List<NDArray> first = new ArrayList<>();
    private final List<NDArray> second = new ArrayList<>();

    public Adam(List<ParameterGroup> groups, boolean decoupledDecay) {
        super(groups);
        this.decoupled = decoupledDecay;
        for (Parameter parameter : parameters()) {
            first.add(newState(parameter));
            second.add(newState(parameter));
        }
    }

    @Override
    protected void update(int index, NDArray weight, NDArray gradient, double rate, double decay) {
        NDArray g = gradient;
        if (decay != 0) {
            if (decoupled) {
                weight.muli(1 - rate * decay);
            } else {
                g = gradient.add(weight.mul(decay));
            }
        }
        step(weight, g, first.get(index), second.get(index), rate, steps());
    }

    /** The Adam step proper, shared with Muon's treatment of non-matrix parameters. */
    static void step(NDArray weight, NDArray g, NDArray m, NDArray v, double rate, long t) {
        m.muli(BETA1).addi(g.mul(1 - BETA1));
        v.muli(BETA2).addi(g.square().muli(1 - BETA2));
        double correction1 = 1 - Math.pow(BETA1, t);
        double correction2 = 1 - Math.pow(BETA2, t);
        NDArray denominator = v.sqrt().muli(1 / Math.sqrt(correction2)).addi(EPSILON);
        weight.subi(m.div(denominator).muli(rate / correction1));
    }
}
