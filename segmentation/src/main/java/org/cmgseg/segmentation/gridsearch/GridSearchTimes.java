package org.cmgseg.segmentation.gridsearch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a grid search spent its time: per stage, the seconds summed over every time it ran (on any
 * thread) and how many times that was. Stages that run per curve or per (curve, merge function)
 * add up across the workers, so their sum can exceed the wall-clock time.
 */
public final class GridSearchTimes {

    private final Map<String, long[]> stages = new LinkedHashMap<>();

    /** Adds the time since {@code startNanos} (a {@link System#nanoTime()}) to a stage, as one run of it; returns now. */
    long lap(String stage, long startNanos) {
        long now = System.nanoTime();
        add(stage, now - startNanos);
        return now;
    }

    /** Adds one run of a stage. */
    synchronized void add(String stage, long nanos) {
        long[] entry = stages.computeIfAbsent(stage, s -> new long[2]);
        entry[0] += nanos;
        entry[1]++;
    }

    /** One line: "read 1.2 s, fragments 3.4 s, ..., transform 2.1 s (81 x 0.026 s), ...". */
    @Override
    public synchronized String toString() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, long[]> e : stages.entrySet()) {
            double seconds = e.getValue()[0] * 1e-9;
            long count = e.getValue()[1];
            parts.add(count == 1 ? String.format(Locale.ROOT, "%s %.2f s", e.getKey(), seconds)
                    : String.format(Locale.ROOT, "%s %.2f s (%d x %.4f s)", e.getKey(), seconds, count, seconds / count));
        }
        return String.join(", ", parts);
    }
}
