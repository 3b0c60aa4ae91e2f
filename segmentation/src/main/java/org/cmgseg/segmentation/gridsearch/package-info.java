/**
 * The CMG grid search of the CMG paper: {@link org.cmgseg.segmentation.gridsearch.GridSearch#prepare}
 * with {@link org.cmgseg.segmentation.gridsearch.GridInputs} and a
 * {@link org.cmgseg.segmentation.gridsearch.GridSpec}, then
 * {@link org.cmgseg.segmentation.gridsearch.GridSearch#run}, giving
 * {@link org.cmgseg.segmentation.gridsearch.GridResults} (every row, the best of each curve, the best
 * baseline and CMG setting). A run lives in a folder (gridsearch.json, results.csv, best.json) and
 * resumes there after an interruption.
 */
package org.cmgseg.segmentation.gridsearch;
