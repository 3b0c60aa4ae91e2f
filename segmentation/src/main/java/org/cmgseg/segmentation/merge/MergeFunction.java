package org.cmgseg.segmentation.merge;

/**
 * A merge function: an edge statistic and the operator that makes it a score. {@code name} is the
 * canonical general form (see {@link MergeFunctions}), e.g. {@code histogram:50:bins=256:maxinit}, which
 * {@link #parse} reads back; two merge functions of the same name are equal.
 */
public record MergeFunction(String name, EdgeStatistic.Factory statistic, ScoreOperator operator) {

    /** A merge function by any of its names (see {@link MergeFunctions}). */
    public static MergeFunction parse(String name) {
        return MergeFunctions.parse(name);
    }

    public EdgeStatistic newStatistic(int edges) {
        return statistic.create(edges);
    }

    public float score(EdgeStatistic statistics, int edge) {
        return operator.apply(statistics.value(edge));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MergeFunction other && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
