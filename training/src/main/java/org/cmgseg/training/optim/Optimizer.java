package org.cmgseg.training.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Updates parameters from their gradients, in place, group by group. Written here rather than
 * taken from DJL because training needs per-group weight decay, Muon, and state that a checkpoint
 * can save and restore exactly.
 */
public abstract class Optimizer {

    private final List<ParameterGroup> groups;
    private final List<NDArray> state = new ArrayList<>();
    private long steps;

    protected Optimizer(List<ParameterGroup> groups) {
        this.groups = List.copyOf(groups);
    }

    public List<ParameterGroup> groups() {
        return groups;
    }

    /** One update of every parameter; each group's learning rate is scaled by {@code multiplier} (the schedule). */
    public final void step(double multiplier) {
        steps++;
        int index = 0;
        for (ParameterGroup group : groups) {
            double rate = group.learningRate() * multiplier;
            for (Parameter parameter : group.parameters()) {
                NDArray weight = parameter.getArray();
                try (NDArray gradient = weight.getGradient()) {
                    update(index++, weight, gradient, rate, group.weightDecay());
                }
            }
        }
    }

    /** Updates the {@code index}-th parameter (in group order) in place. */
    protected abstract void update(int index, NDArray weight, NDArray gradient, double rate, double decay);

    /** Steps taken so far (Adam's bias correction counts them). */
    protected final long steps() {
        return steps;
    }

    /** A new zero state array shaped like the parameter, kept for {@link #stateArrays}. */
    protected final NDArray newState(Parameter parameter) {
        NDArray array = parameter.getArray().zerosLike();
        state.add(array);
        return array;
    }

    /** Every parameter in group order. */
    protected final List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (ParameterGroup group : groups) {
            all.addAll(group.parameters());
        }
        return all;
    }

    /** The state arrays in a fixed order, for checkpoints; writing into them restores a saved state. */
    public final List<NDArray> stateArrays() {
        return Collections.unmodifiableList(state);
    }

    public final long stepCount() {
        return steps;
    }

    public final void restoreStepCount(long count) {
        this.steps = count;
    }
}
