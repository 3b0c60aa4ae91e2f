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
 * <p>The curve is computed in logit coordinates ({@link CmgLogitCurve}) for
 * {@code t = (x - xmin)/(xmax - xmin)}.
 * The batch extremes, which define the range, map onto the range ends (to within e^-27 times the
 * range width, and exactly for the rare steep curves where that would not hold) with no gradient to
 * speak of, for the inputs, mu and I alike: at the ends the curve does not depend on mu and I. Runs
 * in the precision of its input.
 */
public final class CmgFeatureModulator extends ElementwiseBlock implements LearnableActivation {

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
        double xmin = CmgLogitCurve.scalar(x.min());
        double xmax = CmgLogitCurve.scalar(x.max());
        if (!(xmin < xmax)) {
            return x.duplicate(); // a constant (or NaN) batch has no range to map
        }
        NDArray r = value(store, muLogit, x, training);
        NDArray inflection = Activation.sigmoid(value(store, inflectionLogit, x, training));
        // tau = logit(t), finite at the range ends: there t or 1 - t is replaced by the smallest normal number
        double tiny = x.getDataType() == DataType.FLOAT64 ? Double.MIN_NORMAL : Float.MIN_NORMAL;
        NDArray floor = constant(x, tiny);
        NDArray t = x.sub(xmin).mul(constant(x, 1 / (xmax - xmin)));
        NDArray tau = t.maximum(floor).div(t.neg().add(1).maximum(floor)).log();
        NDArray y = Activation.sigmoid(CmgLogitCurve.v(tau, t, r, inflection)).mul(constant(x, xmax - xmin)).add(xmin);
        return hasSteepEnds(r, inflection, Math.log(tiny)) ? exactEnds(x, xmin, xmax, y) : y;
    }

    /**
     * Whether some logit-phase curve is so steep at a range end that tau = +-log(tiny) there falls
     * short: the root then lies where A max(I, 1 - I) reaches beyond |log(tiny)| - 27, and sigmoid
     * of it is no longer within e^-27 of 0 or 1. Only for mu within about 0.015 of 1 (float32).
     */
    private static boolean hasSteepEnds(NDArray muLogit, NDArray inflection, double logTiny) {
        // A = -k = exp(muLogit) - 1 in the logit phase
        NDArray a = muLogit.clip(-CmgLogitCurve.LOGIT_LIMIT, CmgLogitCurve.LOGIT_LIMIT).exp().sub(1);
        NDArray reach = a.mul(inflection.maximum(inflection.neg().add(1)));
        return CmgLogitCurve.scalar(reach.max()) > -logTiny - 27;
    }

    /** The range ends mapped exactly onto themselves, without gradient (the curve is pinned there). */
    private static NDArray exactEnds(NDArray x, double xmin, double xmax, NDArray y) {
        NDArray ends = x.eq(xmin).logicalOr(x.eq(xmax));
        return NDArrays.where(ends, x.stopGradient(), y);
    }

    @Override
    public String toString() {
        return "CMG-IFM";
    }
}
