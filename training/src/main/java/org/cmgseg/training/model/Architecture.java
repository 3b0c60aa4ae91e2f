package org.cmgseg.training.model;

import ai.djl.nn.SequentialBlock;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The networks of the experiments, by the names the command line accepts. */
public enum Architecture {
    MLP("mlp", Mlp::build),
    LENET5("lenet5", LeNet5::build),
    KERASNET("kerasnet", KerasNet::build);

    private final String label;
    private final Function<NetworkSpec, SequentialBlock> builder;

    Architecture(String label, Function<NetworkSpec, SequentialBlock> builder) {
        this.label = label;
        this.builder = builder;
    }

    public String label() {
        return label;
    }

    SequentialBlock build(NetworkSpec spec) {
        return builder.apply(spec);
    }

    public static Architecture parse(String label) {
        for (Architecture architecture : values()) {
            if (architecture.label.equals(label)) {
                return architecture;
            }
        }
        throw new IllegalArgumentException("unknown model '" + label + "'; known: "
                + Arrays.stream(values()).map(Architecture::label).collect(Collectors.joining(", ")));
    }
}
