package org.cmgseg.segmentation.merge;

/**
 * A merge function: an edge statistic and the operator that makes it a score. {@code name} is the
 * canonical general form (see {@link MergeFunctions}), e.g. {@code histogram:50:bins=256:maxinit}.
 */
public record MergeFunction(String name, EdgeStatistic.Factory statistic, ScoreOperator operator) {

    public EdgeStatistic newStatistic(int edges) {
        return statistic.create(edges);
    }

    public float score(EdgeStatistic statistics, int edge) {
        return operator.apply(statistics.value(edge));
    }

    @Override
    public String toString() {
        return name;
    }
}
