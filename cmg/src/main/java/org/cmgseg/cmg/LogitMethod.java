package org.cmgseg.cmg;

/** How the logit phase (0.5 < mu < 1), which has no closed form, is evaluated. */
public enum LogitMethod {
    /** The root of the inverse equation, to a few ulp of double precision. */
    EXACT,
    /**
     * Compatibility with the authors' reference implementation: the output is the nearest of 1000
     * precomputed curve points (maximum error about 5e-4). Use it only to reproduce published numbers;
     * it is piecewise constant, so it has no useful derivatives.
     */
    LOOKUP1000
}
