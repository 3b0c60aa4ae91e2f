package org.cmgseg.training.optim;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The optimizers, by the names the command line accepts, with the default learning rates of the papers. */
public enum OptimizerChoice {
    /** SGD with momentum 0.9, as in the CMG paper. */
    SGD("sgd", 0.01),
    ADAM("adam", 1e-3),
    ADAMW("adamw", 1e-3),
    RMSPROP("rmsprop", 1e-4),
    MUON("muon", 0.01);

    static final double SGD_MOMENTUM = 0.9;

    private final String label;
    private final double defaultLearningRate;

    OptimizerChoice(String label, double defaultLearningRate) {
        this.label = label;
        this.defaultLearningRate = defaultLearningRate;
    }

    public String label() {
        return label;
    }

    public double defaultLearningRate() {
        return defaultLearningRate;
    }

    public Optimizer create(List<ParameterGroup> groups) {
        return switch (this) {
            case SGD -> new Sgd(groups, SGD_MOMENTUM);
            case ADAM -> new Adam(groups, false);
            case ADAMW -> new Adam(groups, true);
            case RMSPROP -> new RmsProp(groups);
            case MUON -> new Muon(groups);
        };
    }

    public static OptimizerChoice parse(String label) {
        for (OptimizerChoice choice : values()) {
            if (choice.label.equals(label)) {
                return choice;
            }
        }
        throw new IllegalArgumentException("unknown optimizer '" + label + "'; known: "
                + Arrays.stream(values()).map(OptimizerChoice::label).collect(Collectors.joining(", ")));
    }
}
