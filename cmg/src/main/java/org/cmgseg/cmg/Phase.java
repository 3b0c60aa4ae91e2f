package org.cmgseg.cmg;

/** The five shapes of a CMG curve; which one applies is decided by mu alone. */
public enum Phase {
    /** mu = 0: a step at the inflection point. */
    STEP,
    /** 0 < mu < 0.5: S-shaped, steeper for smaller mu. */
    LOGISTIC,
    /** mu = 0.5: the straight line from (xmin, yL) to (xmax, yR). */
    LINEAR,
    /** 0.5 < mu < 1: the inverse of the logistic phase of 1 - mu. */
    LOGIT,
    /** mu = 1: constant at the inflection height. */
    CONSTANT;

    /** The phase of a curve with inflection rate {@code mu} in [0, 1]. */
    public static Phase of(double mu) {
        if (!(mu >= 0 && mu <= 1)) {
            throw new IllegalArgumentException("mu must be in [0, 1], got " + mu);
        }
        if (mu == 0) {
            return STEP;
        }
        if (mu < 0.5) {
            return LOGISTIC;
        }
        if (mu == 0.5) {
            return LINEAR;
        }
        return mu < 1 ? LOGIT : CONSTANT;
    }
}
