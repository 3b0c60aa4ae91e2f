/**
 * The CMG generalized logistic-logit function (values, derivatives, bulk transforms of arrays on
 * several threads, and the reference implementation's lookup1000 approximation) and the activation
 * functions LEAF, LAU and MoLU, in plain double precision.
 */
package org.cmgseg.cmg;
