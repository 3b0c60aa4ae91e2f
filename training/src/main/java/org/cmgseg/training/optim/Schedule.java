package org.cmgseg.training.optim;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Learning-rate schedules of the CMG paper: multipliers on the base rate, stepped per epoch
 * {@code e = 0, 1, ...}, reaching 0.01 at {@code T = floor(0.9 epochs)} and staying there.
 */
public enum Schedule {
    NONE("none"),
    /** {@code 1 - 0.99 min(e, T) / T}. */
    LINEAR("linear"),
    /** {@code gamma^min(e, T)} with {@code gamma = 0.01^(1/T)}: fast at first, then slowly. */
    SUBLINEAR("sublinear"),
    /** {@code 0.01 + 0.99 (1 - e/T)^0.5} for e < T, then 0.01: slowly at first, then fast (the paper's choice). */
    SUPRALINEAR("supralinear");

    private static final double FLOOR = 0.01;

    private final String label;

    Schedule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The multiplier for epoch {@code epoch} (0-based) of {@code epochs}; T is at least 1. */
    public double multiplier(int epoch, int epochs) {
        int t = Math.max(1, (int) Math.floor(0.9 * epochs));
        int e = Math.min(epoch, t);
        return switch (this) {
            case NONE -> 1;
            case LINEAR -> 1 - (1 - FLOOR) * e / t;
            case SUBLINEAR -> Math.pow(FLOOR, (double) e / t);
            case SUPRALINEAR -> e < t ? FLOOR + (1 - FLOOR) * Math.sqrt(1 - (double) e / t) : FLOOR;
        };
    }

    public static Schedule parse(String label) {
        for (Schedule schedule : values()) {
            if (schedule.label.equals(label)) {
                return schedule;
            }
        }
        throw new IllegalArgumentException("unknown schedule '" + label + "'; known: "
                + Arrays.stream(values()).map(Schedule::label).collect(Collectors.joining(", ")));
    }
}
