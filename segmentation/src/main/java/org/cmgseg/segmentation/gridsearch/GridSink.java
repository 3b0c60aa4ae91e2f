package org.cmgseg.segmentation.gridsearch;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Where a grid search keeps its rows while it runs, and what it resumes from: a run folder on disk
 * (gridsearch.json, results.csv, best.json), or {@link #NONE}, which keeps nothing (the rows are only returned).
 */
public interface GridSink {

    GridSink NONE = new GridSink() {
        @Override
        public Map<GridCurve, List<GridRow>> start(GridSummary summary) {
            return Map.of();
        }

        @Override
        public void curveDone(List<GridRow> rows) {
        }

        @Override
        public void finish(GridResults results) {
        }
    };

    /**
     * Before any curve: takes what the inputs gave (or, resuming, checks it against what it holds) and
     * returns the rows of the curves already complete, which are not computed again.
     */
    Map<GridCurve, List<GridRow>> start(GridSummary summary) throws IOException;

    /** The rows of one finished curve, in grid order; called from the worker threads. */
    void curveDone(List<GridRow> rows) throws IOException;

    /** Every row of the grid, once all curves are done. */
    void finish(GridResults results) throws IOException;
}
