package org.cmgseg.cmg;

/**
 * The value of a CMG curve at one input and its partial derivatives with respect to the input x,
 * the inflection rate mu and the inflection point I. A derivative that does not exist there (the
 * jump of the step phase) is NaN. At mu = 0 and mu = 1 the mu-derivative is the one-sided one.
 */
public record CmgDerivatives(double value, double dx, double dmu, double dInflection) {
}
