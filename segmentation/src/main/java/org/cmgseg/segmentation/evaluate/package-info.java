/**
 * Scores of a segmentation against a ground truth, as cremi_python, waterz and scikit-image compute them:
 * contingency tables, the CREMI border mask, and scores of every threshold of a merge history updated merge
 * by merge.
 */
package org.cmgseg.segmentation.evaluate;
