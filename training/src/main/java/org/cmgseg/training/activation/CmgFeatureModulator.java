package org.cmgseg.training.activation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * The CMG input feature modulator (IFM): every input feature passes through its own CMG curve with
 * trainable mu and I, on the range of the whole batch ({@code xmin}, {@code xmax}, not
 * differentiated) onto itself. The parameters are stored as logits, {@code mu = sigmoid(muLogit)},
 * {@code I = sigmoid(inflectionLogit)}, initialised with mu ~ U(0.25, 0.75) and I ~ U(0, 1).
 *
 * <p>In logit coordinates ({@code tau = logit(t)} for {@code t = (x - xmin)/(xmax - xmin)},
 * {@code s = sigmoid(v)}) both branches are short:
 * <ul>
 * <li>logistic (mu <= 0.5, rate {@code k = 2 - 1/mu = 1 - exp(-muLogit)}): {@code v = tau - k (t - I)};</li>
 * <li>logit (mu > 0.5, rate {@code k = 2 - 1/(1 - mu) = 1 - exp(muLogit)}): v solves
 * {@code v - k (sigmoid(v) - I) = tau}. The root v0 is found exactly without gradient
 * ({@link LogitPhaseRoot}); then one differentiable Newton step
 * {@code v = v0 - (v0 - k (s0 - I) - tau) / (1 - k s0 (1 - s0))}, with {@code s0 = sigmoid(v0)}
 * constant, leaves the value at the root and gives autograd exactly the implicit-function
 * derivatives {@code dv/dk = (s0 - I)/F'}, {@code dv/dI = -k/F'}, {@code dv/dtau = 1/F'}.</li>
 * </ul>
 * The batch extremes, which define the range, map onto the range ends (to within e^-27 times the
 * range width, and exactly for the rare steep curves where that would not hold) with no gradient to
 * speak of, for the inputs, mu and I alike: at the ends the curve does not depend on mu and I. Runs
 * in the precision of its input.
 */
public final class CmgFeatureModulator extends ElementwiseBlock implements LearnableActivation {

    /** |muLogit| beyond this means mu within 2e-9 of 0 or 1, which float32 cannot tell from 0 or 1 anyway. */
    private static final float LOGIT_LIMIT = 20f;

    private final Parameter muLogit;
    private final Parameter inflectionLogit;

    public CmgFeatureModulator() {
        muLogit = addParameter(parameter("mu_logit", new LogitUniformInitializer(0.25f, 0.75f)));
        inflectionLogit = addParameter(parameter("inflection_logit", new LogitUniformInitializer(0f, 1f)));
    }

    public Parameter muLogit() {
        return muLogit;
    }

    public Parameter inflectionLogit() {
        return inflectionLogit;
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape features = inputShapes[0].slice(1);
        muLogit.setShape(features);
        inflectionLogit.setShape(features);
    }

    @Override
    NDArray apply(ParameterStore store, NDArray x, boolean training) {
        double xmin = scalar(x.min());
        double xmax = scalar(x.max());
        if (!(xmin < xmax)) {
            return x.duplicate(); // a constant (or NaN) batch has no range to map
        }
        NDArray r = value(store, muLogit, x, training).clip(-LOGIT_LIMIT, LOGIT_LIMIT);
        NDArray inflection = Activation.sigmoid(value(store, inflectionLogit, x, training));
        // tau = logit(t), finite at the range ends: there t or 1 - t is replaced by the smallest normal number
        double tiny = x.getDataType() == DataType.FLOAT64 ? Double.MIN_NORMAL : Float.MIN_NORMAL;
        NDArray t = x.sub(xmin).mul(1 / (xmax - xmin));
        NDArray tau = t.maximum(tiny).div(t.neg().add(1).maximum(tiny)).log();

        NDArray logisticRate = r.neg().exp().neg().add(1);
        NDArray logistic = tau.sub(t.sub(inflection).mul(logisticRate));
        NDArray logitRate = r.exp().neg().add(1);
        NDArray logit = newtonStepAtRoot(tau, logitRate, inflection, Math.expm1(scalar(r.max())));
        // per feature: the logistic branch where mu <= 0.5, the logit branch elsewhere
        NDArray isLogistic = r.lte(0).toType(x.getDataType(), false);
        NDArray v = logit.add(logistic.sub(logit).mul(isLogistic));
        NDArray y = Activation.sigmoid(v).mul(xmax - xmin).add(xmin);
        return hasSteepEnds(logitRate, inflection, Math.log(tiny)) ? exactEnds(x, xmin, xmax, y) : y;
    }

    /**
     * Whether some logit-phase curve is so steep at a range end that tau = +-log(tiny) there falls
     * short: the root then lies where A max(I, 1 - I) reaches beyond |log(tiny)| - 27, and sigmoid
     * of it is no longer within e^-27 of 0 or 1. Only for mu within about 0.015 of 1 (float32).
     */
    private static boolean hasSteepEnds(NDArray logitRate, NDArray inflection, double logTiny) {
        NDArray reach = logitRate.neg().mul(inflection.maximum(inflection.neg().add(1)));
        return scalar(reach.max()) > -logTiny - 27;
    }

    /** The range ends mapped exactly onto themselves, without gradient (the curve is pinned there). */
    private static NDArray exactEnds(NDArray x, double xmin, double xmax, NDArray y) {
        NDArray ends = x.eq(xmin).logicalOr(x.eq(xmax));
        return NDArrays.where(ends, x.stopGradient(), y);
    }

    /**
     * {@code v0 - F(v0)/F'(v0)} at the detached root v0 of {@code F(v) = v - k (sigmoid(v) - I) - tau}:
     * the root's value, and exactly the implicit-function gradients, because F(v0) = 0 makes the
     * gradient of F'(v0) drop out (so F' is taken without gradient).
     */
    private static NDArray newtonStepAtRoot(NDArray tau, NDArray k, NDArray inflection, double largestA) {
        NDArray root;
        NDArray s0;
        NDArray slope;
        try (NDArray a = k.stopGradient().neg(); NDArray i = inflection.stopGradient(); NDArray tauConstant = tau.stopGradient()) {
            root = LogitPhaseRoot.solve(tauConstant, a, i, largestA);
            s0 = Activation.sigmoid(root);
            slope = s0.sub(s0.square()).mul(a).add(1);
        }
        NDArray residual = root.sub(s0.sub(inflection).mul(k)).sub(tau);
        return root.sub(residual.div(slope));
    }

    /** The value of a one-element array, as a double (and the array closed). */
    private static double scalar(NDArray array) {
        try (array; NDArray wide = array.toType(DataType.FLOAT64, false)) {
            return wide.getDouble();
        }
    }

    @Override
    public String toString() {
        return "CMG-IFM";
    }
}
