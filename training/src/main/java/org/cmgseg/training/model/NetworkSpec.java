package org.cmgseg.training.model;

import ai.djl.nn.SequentialBlock;
import java.util.List;
import org.cmgseg.training.activation.ActivationChoice;

/**
 * What to build: the architecture, the activation of every hidden layer, whether a CMG input
 * feature modulator comes first, and for the MLP its hidden widths and dropout rate (LeNet-5 and
 * KerasNet have fixed layers).
 */
public record NetworkSpec(Architecture architecture, ActivationChoice activation, boolean inputModulator,
        List<Integer> hiddenWidths, double dropout, int classes) {

    public NetworkSpec {
        hiddenWidths = List.copyOf(hiddenWidths);
        if (hiddenWidths.stream().anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("hidden widths must be positive, got " + hiddenWidths);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + classes);
        }
    }

    /** The network, not yet initialised (DJL initialises it for a given input shape). */
    public SequentialBlock build() {
        return architecture.build(this);
    }
}
