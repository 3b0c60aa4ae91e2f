package org.cmgseg.segmentation.gridsearch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every row of a grid search, in the order of the grid (curves as {@link GridSpec#curves()}, then
 * merge functions as given, then thresholds ascending), whatever order they were computed in.
 */
public final class GridResults {

    private final GridSpec spec;
    private final Map<GridCurve, List<GridRow>> byCurve;

    /** The rows of every curve of the grid, {@link GridSpec#rowsPerCurve()} each in grid order. */
    GridResults(GridSpec spec, Map<GridCurve, List<GridRow>> byCurve) {
        this.spec = spec;
        this.byCurve = new HashMap<>(byCurve);
        for (GridCurve curve : spec.curves()) {
            if (!byCurve.containsKey(curve)) {
                throw new IllegalStateException("no results for " + curve);
            }
        }
    }

    public GridSpec spec() {
        return spec;
    }

    public List<GridRow> rows() {
        List<GridRow> rows = new ArrayList<>();
        spec.curves().forEach(curve -> rows.addAll(byCurve.get(curve)));
        return rows;
    }

    /** The rows of one curve, in grid order. */
    public List<GridRow> rows(GridCurve curve) {
        return byCurve.get(curve);
    }

    /** The rows of one curve and merge function, thresholds ascending. */
    public List<GridRow> rows(GridCurve curve, String mergeFunction) {
        return byCurve.get(curve).stream().filter(row -> row.mergeFunction().equals(mergeFunction)).toList();
    }

    /** The curve's lowest CREMI score over merge functions and thresholds (the first such row on ties). */
    public GridRow best(GridCurve curve) {
        return lowest(byCurve.get(curve));
    }

    public GridBest best() {
        List<GridRow> cmg = new ArrayList<>();
        for (GridCurve curve : spec.curves()) {
            if (!curve.isBaseline()) {
                cmg.add(best(curve));
            }
        }
        return new GridBest(best(GridCurve.BASELINE), lowest(cmg));
    }

    /** NaN scores never win, unless every score is NaN. */
    private static GridRow lowest(Collection<GridRow> rows) {
        GridRow best = null;
        for (GridRow row : rows) {
            double score = row.scores().cremiScore();
            double bestScore = best == null ? Double.NaN : best.scores().cremiScore();
            if (best == null || score < bestScore || Double.isNaN(bestScore) && !Double.isNaN(score)) {
                best = row;
            }
        }
        return best;
    }
}
