package org.cmgseg.training.activation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import java.util.Arrays;

/**
 * CMG as the activation function of a hidden layer: one trainable (mu, I) per channel after a
 * convolution, per neuron after a dense layer, stored as logits as in {@link CmgFeatureModulator}.
 *
 * <p>The input range is the whole real line, brought onto (0, 1) by a fixed logistic squashing,
 * and the CMG curve maps that onto (-1, 1):
 * {@code y = 2 s - 1} with {@code s = CMG(t; mu, I)} on [0, 1] and {@code t = sigmoid(2u)}. Then
 * {@code tau = logit(t) = 2u} exactly, so the curve is computed in logit coordinates with no range at
 * all ({@link CmgLogitCurve}); at mu = 0.5 (linear phase) it is exactly {@code tanh(u)}, which is where
 * it starts (mu = I = 0.5), so that it is compared with Tanh and LEAF-as-Tanh from the same function.
 * Why not the batch's range mapped onto itself, as the input modulator does: an activation's output
 * would then depend on the other images of the batch (and differ between training and test batches),
 * one outlying pre-activation would stretch the range for all, the output would be unbounded, and the
 * batch extremes would get no gradient. The squashing keeps the function of each element alone,
 * bounded like Tanh, with exact gradients everywhere.
 */
public final class CmgActivation extends ElementwiseBlock implements LearnableActivation {

    private final Parameter muLogit;
    private final Parameter inflectionLogit;

    public CmgActivation() {
        // logit(0.5) = 0 for both: mu = 0.5 and I = 0.5, the curve tanh(u)
        muLogit = addParameter(parameter("mu_logit", new ConstantInitializer(0f)));
        inflectionLogit = addParameter(parameter("inflection_logit", new ConstantInitializer(0f)));
    }

    /** One value per channel (dimension 1), broadcast over the batch and any spatial dimensions. */
    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape input = inputShapes[0];
        long[] perChannel = new long[input.dimension() - 1];
        Arrays.fill(perChannel, 1);
        perChannel[0] = input.get(1);
        muLogit.setShape(new Shape(perChannel));
        inflectionLogit.setShape(new Shape(perChannel));
    }

    @Override
    NDArray apply(ParameterStore store, NDArray u, boolean training) {
        NDArray two = constant(u, 2);
        NDArray tau = u.mul(two);
        NDArray t = Activation.sigmoid(tau);
        NDArray inflection = Activation.sigmoid(value(store, inflectionLogit, u, training));
        NDArray v = CmgLogitCurve.v(tau, t, value(store, muLogit, u, training), inflection);
        return Activation.sigmoid(v).mul(two).sub(1);
    }

    @Override
    public String toString() {
        return "CMG";
    }
}
