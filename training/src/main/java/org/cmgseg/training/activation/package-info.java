/**
 * The learnable activations as DJL blocks (the CMG activation and input feature modulator, LEAF, AHAF,
 * LAU, MoLU), with their exact gradients and initialisers.
 */
package org.cmgseg.training.activation;
