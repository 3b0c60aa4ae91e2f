package org.cmgseg.training.run;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;

/**
 * A network with its cross-entropy loss: forward and backward passes, gradient housekeeping, and
 * the finiteness checks behind the non-finite event counts.
 */
final class Classifier {

    private final Block network;
    private final ParameterStore store;
    private final List<Parameter> parameters;
    /** After a non-finite gradient, subtracting a gradient from itself no longer clears it. */
    private boolean gradientsMayBeNonFinite;

    Classifier(Block network, ParameterStore store, List<Parameter> parameters) {
        this.network = network;
        this.store = store;
        this.parameters = List.copyOf(parameters);
    }

    Block network() {
        return network;
    }

    List<Parameter> parameters() {
        return parameters;
    }

    NDArray logits(NDArray images, boolean training) {
        return network.forward(store, new NDList(images), training).singletonOrThrow();
    }

    /** Mean cross-entropy of the logits against integer labels (int64). */
    static NDArray loss(NDArray logits, NDArray labels) {
        return logits.logSoftmax(1).gather(labels.expandDims(1), 1).mean().neg();
    }

    /**
     * Zeroes the gradients, runs a training forward pass and, if the loss is finite, the backward
     * pass. Returns the loss.
     */
    float forwardBackward(NDArray images, NDArray labels) {
        zeroGradients();
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = loss(logits(images, true), labels);
            float value = loss.getFloat();
            if (Float.isFinite(value)) {
                collector.backward(loss);
            }
            return value;
        }
    }

    private void zeroGradients() {
        for (Parameter parameter : parameters) {
            try (NDArray gradient = parameter.getArray().getGradient()) {
                if (gradientsMayBeNonFinite) {
                    gradient.set(new NDIndex("..."), 0f);
                } else {
                    gradient.subi(gradient);
                }
            }
        }
        gradientsMayBeNonFinite = false;
    }

    boolean gradientsFinite() {
        boolean finite = allFinite(true);
        gradientsMayBeNonFinite = !finite;
        return finite;
    }

    boolean parametersFinite() {
        return allFinite(false);
    }

    /** The sum of all elements is finite exactly when every element is (short of overflow beyond 3e38). */
    private boolean allFinite(boolean gradients) {
        NDArray total = null;
        for (Parameter parameter : parameters) {
            NDArray values = gradients ? parameter.getArray().getGradient() : parameter.getArray();
            NDArray sum = values.sum();
            total = total == null ? sum : total.add(sum);
        }
        return total == null || Float.isFinite(total.getFloat());
    }
}
