package org.cmgseg.training.optim;

import ai.djl.nn.Parameter;
import java.util.List;

/** Parameters trained with one base learning rate and weight decay. */
public record ParameterGroup(Kind kind, List<Parameter> parameters, double learningRate, double weightDecay) {

    /** What the parameters are; DSPT steps {@link #NETWORK} separately from the other two. */
    public enum Kind {
        /** Weights and biases of dense and convolutional layers. */
        NETWORK,
        /** Parameters of learnable activations (CMG mu and I, LEAF p1 and p3 or all four, LAU a and b). */
        ACTIVATION,
        /** LEAF's p2 and p4 under P24SI, with their own, much smaller learning rate. */
        LEAF_OFFSETS
    }

    public ParameterGroup {
        parameters = List.copyOf(parameters);
        if (!(learningRate >= 0 && Double.isFinite(learningRate))) {
            throw new IllegalArgumentException("learning rate must be a finite number >= 0, got " + learningRate);
        }
        if (!(weightDecay >= 0 && Double.isFinite(weightDecay))) {
            throw new IllegalArgumentException("weight decay must be a finite number >= 0, got " + weightDecay);
        }
    }
}
