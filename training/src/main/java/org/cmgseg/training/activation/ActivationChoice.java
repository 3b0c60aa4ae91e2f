package org.cmgseg.training.activation;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.cmgseg.cmg.LeafPreset;

/** The activation functions a hidden layer can use, by the names the command line accepts. */
public enum ActivationChoice {
    RELU("relu", () -> Activation.reluBlock()),
    // not Activation.swish(x, 1): DJL multiplies by a number there (see ElementwiseBlock.constant)
    SILU("silu", () -> LambdaBlock.singleton(x -> x.mul(Activation.sigmoid(x)), "silu")),
    TANH("tanh", () -> Activation.tanhBlock()),
    SIGMOID("sigmoid", () -> Activation.sigmoidBlock()),
    LEAF_RELU("leaf:relu", () -> new LeafBlock(LeafPreset.RELU)),
    LEAF_SILU("leaf:silu", () -> new LeafBlock(LeafPreset.SILU)),
    LEAF_TANH("leaf:tanh", () -> new LeafBlock(LeafPreset.TANH)),
    LEAF_SIGMOID("leaf:sigmoid", () -> new LeafBlock(LeafPreset.SIGMOID)),
    AHAF_RELU("ahaf:relu", () -> new AhafBlock(true)),
    AHAF_SILU("ahaf:silu", () -> new AhafBlock(false)),
    CMG("cmg", CmgActivation::new),
    LAU("lau", LauBlock::new),
    MOLU("molu", MoLUBlock::new);

    private final String label;
    private final Supplier<Block> factory;

    ActivationChoice(String label, Supplier<Block> factory) {
        this.label = label;
        this.factory = factory;
    }

    public String label() {
        return label;
    }

    /** A new block (with its own parameters, for the learnable ones). */
    public Block newBlock() {
        return factory.get();
    }

    public boolean isLeaf() {
        return label.startsWith("leaf:");
    }

    public boolean isLearnable() {
        return isLeaf() || this == AHAF_RELU || this == AHAF_SILU || this == CMG || this == LAU;
    }

    public static ActivationChoice parse(String label) {
        for (ActivationChoice choice : values()) {
            if (choice.label.equals(label)) {
                return choice;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + label + "'; known: " + known());
    }

    public static String known() {
        return Arrays.stream(values()).map(ActivationChoice::label).collect(Collectors.joining(", "));
    }
}
