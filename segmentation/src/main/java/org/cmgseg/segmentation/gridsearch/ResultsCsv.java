package org.cmgseg.segmentation.gridsearch;

import java.util.List;
import org.cmgseg.segmentation.evaluate.CremiScores;

/**
 * The lines of results.csv: one row per curve, merge function, queue and threshold; mu and I empty
 * for the untransformed baseline. Numbers are written as the shortest decimal that reads back as
 * the same double, so nothing is lost.
 */
final class ResultsCsv {

    static final String HEADER = "mu,I,merge_function,queue,threshold,voi_split,voi_merge,adapted_rand,cremi_score,n_segments";

    private static final int FIELDS = 10;

    private ResultsCsv() {
    }

    /** The lines of rows, each ending in a newline. */
    static String lines(List<GridRow> rows) {
        StringBuilder out = new StringBuilder();
        for (GridRow row : rows) {
            GridCurve curve = row.curve();
            CremiScores s = row.scores();
            out.append(curve.isBaseline() ? "" : Double.toString(curve.mu())).append(',')
                    .append(curve.isBaseline() ? "" : Double.toString(curve.inflection())).append(',')
                    .append(row.mergeFunction()).append(',').append(row.queue()).append(',').append(row.threshold()).append(',')
                    .append(s.voiSplit()).append(',').append(s.voiMerge()).append(',').append(s.adaptedRand()).append(',')
                    .append(s.cremiScore()).append(',').append(row.segments()).append('\n');
        }
        return out.toString();
    }

    /** A row from a line (without its newline); fails with a message for anything this class did not write. */
    static GridRow parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != FIELDS) {
            throw new IllegalArgumentException("expected " + FIELDS + " fields, found " + f.length);
        }
        if (f[0].isEmpty() != f[1].isEmpty()) {
            throw new IllegalArgumentException("mu and I must both be given, or both be empty (the baseline)");
        }
        try {
            GridCurve curve = f[0].isEmpty() ? GridCurve.BASELINE : new GridCurve(Double.parseDouble(f[0]), Double.parseDouble(f[1]));
            CremiScores scores = new CremiScores(Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]),
                    Double.parseDouble(f[8]));
            return new GridRow(curve, f[2], f[3], Double.parseDouble(f[4]), scores, Long.parseLong(f[9]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a field is not a number: " + e.getMessage());
        }
    }
}
