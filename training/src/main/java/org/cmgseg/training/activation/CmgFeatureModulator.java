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
        // one row per feature (a transposed view), and the parameters as columns that broadcast along the rows
        NDArray features = x.reshape(x.getShape().get(0), -1).transpose();
        NDArray r = CmgLogitCurve.clip(value(store, muLogit, x, training)).reshape(-1, 1);
        NDArray inflection = Activation.sigmoid(value(store, inflectionLogit, x, training)).reshape(-1, 1);
        double tiny = x.getDataType() == DataType.FLOAT64 ? Double.MIN_NORMAL : Float.MIN_NORMAL;
        Range range = new Range(x, xmin, xmax, tiny);
        NDArray y;
        double largestR;
        try (FeaturePhases phases = FeaturePhases.of(r)) {
            largestR = phases.largestR();
            NDArray logistic = null;
            NDArray logit = null;
            if (phases.hasLogistic()) {
                NDArray t = range.t(phases.logistic(features));
                logistic = range.y(CmgLogitCurve.logisticPhase(range.tau(t), t, phases.logistic(r), phases.logistic(inflection)));
            }
            if (phases.hasLogit()) {
                NDArray tau = range.tau(range.t(phases.logit(features)));
                logit = range.y(CmgLogitCurve.logitPhase(tau, phases.logit(r), phases.logit(inflection), largestR));
            }
            // back to one row per example, copied into that order (the layout the next layer's matrix products get
            // without the modulator)
            y = phases.merge(logistic, logit).transpose().reshape(-1).reshape(x.getShape());
        }
        return hasSteepEnds(r, inflection, largestR, Math.log(tiny)) ? exactEnds(x, xmin, xmax, y) : y;
    }

    /** The batch's range: {@code t = (x - xmin)/(xmax - xmin)}, its logit tau, and the curve's value from v. */
    private static final class Range {

        private final double xmin;
        private final NDArray width;
        private final NDArray inverseWidth;
        private final NDArray floor;

        Range(NDArray x, double xmin, double xmax, double tiny) {
            this.xmin = xmin;
            width = constant(x, xmax - xmin);
            inverseWidth = constant(x, 1 / (xmax - xmin));
            floor = constant(x, tiny);
        }

        NDArray t(NDArray features) {
            return features.sub(xmin).mul(inverseWidth);
        }

        /** tau = logit(t), finite at the range ends: there t or 1 - t is replaced by the smallest normal number. */
        NDArray tau(NDArray t) {
            return t.maximum(floor).div(t.neg().add(1).maximum(floor)).log();
        }

        /** The curve's value, {@code xmin + (xmax - xmin) sigmoid(v)}. */
        NDArray y(NDArray v) {
            return Activation.sigmoid(v).mul(width).add(xmin);
        }
    }

    /**
     * Whether some logit-phase curve is so steep at a range end that tau = +-log(tiny) there falls
     * short: the root then lies where A max(I, 1 - I) reaches beyond |log(tiny)| - 27, and sigmoid
     * of it is no longer within e^-27 of 0 or 1. Only for mu within about 0.015 of 1 (float32). The
     * features are only looked at when the largest A, {@code exp(largestR) - 1}, reaches that far
     * (with a margin of 1 for the rounding of A in the array's precision).
     */
    private static boolean hasSteepEnds(NDArray r, NDArray inflection, double largestR, double logTiny) {
        if (!(Math.exp(largestR) > -logTiny - 27)) {
            return false;
        }
        // A = -k = exp(r) - 1 in the logit phase
        NDArray a = r.exp().sub(1);
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
