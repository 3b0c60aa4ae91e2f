package org.cmgseg.training.activation;

/**
 * A block whose parameters shape an activation function rather than weigh inputs (CMG's mu and I,
 * LEAF's p1..p4, LAU's a and b). The optimizer puts them in their own group, without weight decay,
 * and DSPT steps them separately from the network weights.
 */
public interface LearnableActivation {
}
