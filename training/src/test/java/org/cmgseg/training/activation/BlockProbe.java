package org.cmgseg.training.activation;

import org.cmgseg.testkit.FiniteDifference;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A block in double precision on one input, for checking values and gradients. The loss is
 * {@code sum(weights * output)} with fixed random weights, so a parameter's gradient is the
 * weighted sum of the output's derivatives with respect to it.
 */
final class BlockProbe implements AutoCloseable {

    private final NDManager manager = NDManager.newBaseManager();
    private final Block block;
    private final Shape shape;
    private final double[] input;
    private final double[] weights;

    BlockProbe(Block block, Shape shape, double[] input, long seed) {
        this.block = block;
        this.shape = shape;
        this.input = input.clone();
        block.initialize(manager, DataType.FLOAT64, shape);
        Random random = new Random(seed);
        weights = new double[input.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = random.nextGaussian();
        }
    }

    double weight(int index) {
        return weights[index];
    }

    void set(String name, double[] values) {
        parameter(name).getArray().set(values);
    }

    double[] values(String name) {
        return parameter(name).getArray().toDoubleArray();
    }

    Parameter parameter(String name) {
        for (Parameter p : block.getParameters().values()) {
            if (p.getName().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no parameter " + name);
    }

    double[] output() {
        return forward(input);
    }

    /** Gradients of the loss by autograd, under "input" and every parameter's name. */
    Map<String, double[]> gradients() {
        return gradients(() -> { });
    }

    /** The same, with {@code betweenPasses} run after the forward pass and before the backward pass. */
    Map<String, double[]> gradients(Runnable betweenPasses) {
        Map<String, double[]> result = new LinkedHashMap<>();
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(input, shape);
            x.setRequiresGradient(true);
            for (Parameter p : block.getParameters().values()) {
                try (NDArray g = p.getArray().getGradient()) {
                    g.subi(g);
                }
            }
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray out = block.forward(new ParameterStore(scope, false), new NDList(x), true).singletonOrThrow();
                betweenPasses.run();
                collector.backward(out.mul(scope.create(weights, shape)).sum());
            }
            result.put("input", x.getGradient().toDoubleArray());
            for (Parameter p : block.getParameters().values()) {
                result.put(p.getName(), p.getArray().getGradient().toDoubleArray());
            }
        }
        return result;
    }

    /** d loss / d parameter element, by central differences with one Richardson step and step h. */
    double numericParameterDerivative(String name, int index, double h) {
        double[] original = values(name);
        double derivative = FiniteDifference.derivative(v -> {
            double[] changed = original.clone();
            changed[index] = v;
            set(name, changed);
            return loss(input);
        }, original[index], h);
        set(name, original);
        return derivative;
    }

    /** d loss / d input element, the same way. */
    double numericInputDerivative(int index, double h) {
        return FiniteDifference.derivative(v -> {
            double[] changed = input.clone();
            changed[index] = v;
            return loss(changed);
        }, input[index], h);
    }

    private double[] forward(double[] values) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(values, shape);
            return block.forward(new ParameterStore(scope, false), new NDList(x), false).singletonOrThrow().toDoubleArray();
        }
    }

    private double loss(double[] values) {
        double[] output = forward(values);
        double sum = 0;
        for (int i = 0; i < output.length; i++) {
            sum += weights[i] * output[i];
        }
        return sum;
    }

    @Override
    public void close() {
        manager.close();
    }
}
