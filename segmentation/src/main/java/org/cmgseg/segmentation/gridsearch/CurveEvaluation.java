package org.cmgseg.segmentation.gridsearch;

import java.util.ArrayList;
import java.util.List;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;
import org.cmgseg.segmentation.agglomerate.Agglomeration;
import org.cmgseg.segmentation.agglomerate.MergeHistory;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.evaluate.IncrementalScores;
import org.cmgseg.segmentation.merge.ContactArea;
import org.cmgseg.segmentation.merge.EdgeStatistic;
import org.cmgseg.segmentation.merge.MergeFunction;

/**
 * The rows of one curve: for every merge function, a fresh statistic fed with the curve's face
 * values, one agglomeration pass over the thresholds in increasing order, and the CREMI scores after
 * each threshold, followed merge by merge from the fragments' contingency. Stops between merges, a few
 * thousand at a time, when the context is cancelled.
 */
final class CurveEvaluation {

    private static final int MERGES_PER_CHECK = 1 << 12;

    private CurveEvaluation() {
    }

    static List<GridRow> rows(GridCurve curve, FragmentBasis basis, float[] faceValues, GridSpec spec, RunContext context,
            GridSearchTimes times) {
        double[] thresholds = spec.thresholds();
        QueueType queue = spec.queue();
        List<GridRow> rows = new ArrayList<>(spec.rowsPerCurve());
        int edges = basis.graph().edges();
        for (int f = 0; f < spec.mergeFunctions().size(); f++) {
            long start = System.nanoTime();
            MergeFunction function = spec.mergeFunction(f);
            EdgeStatistic statistic = basis.faces().feed(function.newStatistic(edges), faceValues, context);
            ContactArea contact = basis.faces().contactArea();
            start = times.lap("statistics", start);
            Agglomeration agglomeration = new Agglomeration(basis.graph(), contact, function, statistic, queue.create(edges));
            IncrementalScores scores = basis.contingency().start();
            Task task = context.task("agglomeration", Math.max(1, basis.fragments().count() - 1));
            MergeHistory history = agglomeration.history();
            long merging = System.nanoTime() - start;
            long scoring = 0;
            int replayed = 0;
            for (double threshold : thresholds) {
                start = System.nanoTime();
                agglomeration.mergeUntil((float) threshold, task);
                long merged = System.nanoTime();
                for (; replayed < history.size(); replayed++) {
                    if (replayed % MERGES_PER_CHECK == 0) {
                        context.checkCancelled();
                    }
                    scores.merge(history.u(replayed), history.v(replayed));
                }
                rows.add(new GridRow(curve, spec.mergeFunctions().get(f), queue.name(), threshold, scores.scores(),
                        basis.fragments().count() - replayed));
                merging += merged - start;
                scoring += System.nanoTime() - merged;
            }
            times.add("agglomeration", merging);
            times.add("scoring", scoring);
        }
        return rows;
    }
}
