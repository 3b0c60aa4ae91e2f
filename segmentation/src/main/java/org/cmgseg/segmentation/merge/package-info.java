/**
 * Merge functions: a statistic of each edge's affinities (quantiles exact or from histograms, mean, min,
 * max, mean of the largest) and the operator that turns it into a score, by waterz's and lsd's names.
 */
package org.cmgseg.segmentation.merge;
