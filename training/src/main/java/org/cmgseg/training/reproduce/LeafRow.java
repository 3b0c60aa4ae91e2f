package org.cmgseg.training.reproduce;

import org.cmgseg.training.activation.ActivationChoice;

/** One row of a LEAF-paper table: the activation of every hidden layer, and whether DSPT trains it. */
public record LeafRow(ActivationChoice activation, boolean dspt) {

    private static final String DSPT_SUFFIX = "+dspt";

    public LeafRow {
        if (dspt && !activation.isLearnable()) {
            throw new IllegalArgumentException("row " + activation.label() + DSPT_SUFFIX + ": DSPT needs a learnable activation");
        }
    }

    /** An activation name, with {@code +dspt} appended for DSPT: {@code tanh}, {@code leaf:tanh+dspt}. */
    public static LeafRow parse(String label) {
        boolean dspt = label.endsWith(DSPT_SUFFIX);
        String activation = dspt ? label.substring(0, label.length() - DSPT_SUFFIX.length()) : label;
        return new LeafRow(ActivationChoice.parse(activation), dspt);
    }

    public String label() {
        return activation.label() + (dspt ? DSPT_SUFFIX : "");
    }

    /** The label as a folder name: {@code leaf-tanh-dspt}. */
    public String folderName() {
        return label().replace(':', '-').replace('+', '-');
    }
}
