package org.cmgseg.segmentation;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;

/**
 * Agglomeration thresholds: each in [0, 1], compared as the nearest float32 (as waterz passes them
 * to C++). Thresholds out of order are sorted, and repeated ones (as float32) kept once, with a
 * warning; {@code segment} and {@code gridsearch} both take them this way.
 */
public final class Thresholds {

    private Thresholds() {
    }

    /** The thresholds in increasing order, each once; {@code warnings} gets a line for each change made. */
    public static double[] sorted(double[] thresholds, List<String> warnings) {
        if (thresholds.length == 0) {
            throw new IllegalArgumentException("no thresholds given; give at least one in [0, 1]");
        }
        for (double t : thresholds) {
            if (!(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException("thresholds must be in [0, 1], got " + t);
            }
        }
        double[] sorted = thresholds.clone();
        Arrays.sort(sorted);
        if (!Arrays.equals(sorted, thresholds)) {
            warnings.add("thresholds were not in increasing order; sorted them: " + DoubleStream.of(sorted)
                    .mapToObj(Double::toString).collect(Collectors.joining(", ")));
        }
        double[] out = new double[sorted.length];
        int distinct = 0;
        for (double t : sorted) {
            if (distinct == 0 || (float) t != (float) out[distinct - 1]) {
                out[distinct++] = t;
            }
        }
        if (distinct < out.length) {
            warnings.add((out.length - distinct) + " repeated threshold(s) (equal as float32) kept once");
        }
        return Arrays.copyOf(out, distinct);
    }

    /** {@link #sorted}, as float32. */
    static float[] validate(double[] thresholds, List<String> warnings) {
        double[] sorted = sorted(thresholds, warnings);
        float[] out = new float[sorted.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) sorted[i];
        }
        return out;
    }
}
