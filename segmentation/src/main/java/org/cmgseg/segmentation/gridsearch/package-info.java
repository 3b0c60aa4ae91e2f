/**
 * The CMG paper's grid search: {@link org.cmgseg.segmentation.gridsearch.GridSearch} scores every (mu, I), merge
 * function and threshold on volumes in memory or on datasets, returns the rows as values, and hands each finished
 * curve to a {@link org.cmgseg.segmentation.gridsearch.GridSink} (a run folder that resumes, or none).
 */
package org.cmgseg.segmentation.gridsearch;
