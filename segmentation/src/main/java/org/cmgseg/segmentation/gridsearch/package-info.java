/**
 * The CMG grid search of the CMG paper: {@link org.cmgseg.segmentation.gridsearch.GridSearch#prepare} on
 * volumes in memory ({@link org.cmgseg.segmentation.gridsearch.GridVolumes}) or on datasets
 * ({@link org.cmgseg.segmentation.gridsearch.GridInputs}) with a
 * {@link org.cmgseg.segmentation.gridsearch.GridSpec}, then
 * {@link org.cmgseg.segmentation.gridsearch.GridSearch#run}, giving
 * {@link org.cmgseg.segmentation.gridsearch.GridResults} (every row, the best of each curve, the best
 * baseline and CMG setting). Rows go to a {@link org.cmgseg.segmentation.gridsearch.GridSink} as curves
 * finish: a run folder (gridsearch.json, results.csv, best.json) that resumes after an interruption, or none.
 */
package org.cmgseg.segmentation.gridsearch;
