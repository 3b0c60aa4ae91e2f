package org.cmgseg.training.activation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;

/**
 * The CMG curve of trainable mu and I in logit coordinates, shared by the input feature modulator and the CMG
 * activation: for {@code t} in (0, 1) and {@code tau = logit(t)}, the curve's value is {@code sigmoid(v)} with
 * <ul>
 * <li>logistic phase (mu <= 0.5, rate {@code k = 2 - 1/mu = 1 - exp(-muLogit)}): {@code v = tau - k (t - I)};</li>
 * <li>logit phase (mu > 0.5, rate {@code k = 2 - 1/(1 - mu) = 1 - exp(muLogit)}): v solves
 * {@code v - k (sigmoid(v) - I) = tau}. The root v0 is found exactly without gradient
 * ({@link LogitPhaseRoot}); then one differentiable Newton step
 * {@code v = v0 - (v0 - k (s0 - I) - tau) / (1 - k s0 (1 - s0))}, with {@code s0 = sigmoid(v0)}
 * constant, leaves the value at the root and gives autograd exactly the implicit-function
 * derivatives {@code dv/dk = (s0 - I)/F'}, {@code dv/dI = -k/F'}, {@code dv/dtau = 1/F'}.</li>
 * </ul>
 * mu is stored as {@code muLogit = logit(mu)}, clipped to +-{@link #LOGIT_LIMIT}.
 */
final class CmgLogitCurve {

    /** |muLogit| beyond this means mu within 2e-9 of 0 or 1, which float32 cannot tell from 0 or 1 anyway. */
    static final float LOGIT_LIMIT = 20f;

    private CmgLogitCurve() {
    }

    /**
     * v for every element of {@code tau} and {@code t} (which must agree: {@code tau = logit(t)}), with
     * {@code muLogit} and {@code inflection} broadcast over them. Only the phases some element needs are computed.
     */
    static NDArray v(NDArray tau, NDArray t, NDArray muLogit, NDArray inflection) {
        NDArray r = clip(muLogit);
        double largestR = scalar(r.max());
        double smallestR = scalar(r.min());
        NDArray logistic = null;
        if (smallestR <= 0) {
            logistic = logisticPhase(tau, t, r, inflection);
            if (largestR <= 0) {
                return logistic;
            }
        }
        NDArray logit = logitPhase(tau, r, inflection, largestR);
        if (logistic == null) {
            return logit;
        }
        // per parameter element: the logistic branch where mu <= 0.5, the logit branch elsewhere
        return NDArrays.where(r.lte(0).broadcast(logistic.getShape()), logistic, logit);
    }

    /** muLogit clipped to +-{@link #LOGIT_LIMIT}: r, as the phase functions take it. */
    static NDArray clip(NDArray muLogit) {
        return muLogit.clip(-LOGIT_LIMIT, LOGIT_LIMIT);
    }

    /** v of the logistic phase, {@code tau - k (t - I)}, for r (clipped muLogit) <= 0, broadcast over tau and t. */
    static NDArray logisticPhase(NDArray tau, NDArray t, NDArray r, NDArray inflection) {
        NDArray logisticRate = r.neg().exp().neg().add(1);
        return tau.sub(t.sub(inflection).mul(logisticRate));
    }

    /** v of the logit phase for r (clipped muLogit) > 0, broadcast over tau; {@code largestR} is the largest r. */
    static NDArray logitPhase(NDArray tau, NDArray r, NDArray inflection, double largestR) {
        NDArray logitRate = r.exp().neg().add(1);
        return newtonStepAtRoot(tau, logitRate, inflection, Math.expm1(largestR));
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
            slope = s0.square().negi().addi(s0).muli(a).addi(1); // 1 + A (s0 - s0^2), in place
        }
        NDArray residual = root.sub(s0.sub(inflection).mul(k)).sub(tau);
        return root.sub(residual.div(slope));
    }

    /** The value of a one-element array, as a double (and the array closed). */
    static double scalar(NDArray array) {
        try (array; NDArray wide = array.toType(DataType.FLOAT64, false)) {
            return wide.getDouble();
        }
    }
}
