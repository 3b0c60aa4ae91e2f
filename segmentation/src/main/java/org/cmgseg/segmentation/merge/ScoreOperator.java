package org.cmgseg.segmentation.merge;

/** Turns an edge statistic into a merge score (lower scores merge first). */
@FunctionalInterface
public interface ScoreOperator {

    /** waterz's OneMinus: {@code 1 - statistic}, computed in double and rounded to float32. */
    ScoreOperator ONE_MINUS = statistic -> (float) (1.0 - statistic);

    float apply(float statistic);
}
