package org.cmgseg.segmentation;

/**
 * Seconds spent in each stage of a segmentation: reading affinities (on a background thread, mostly
 * while the fragment and graph stages compute), making fragments, building the region graph, and
 * agglomerating for all thresholds. The fragment and graph stages exclude the time they waited for
 * reads, so the stages can add up to more than the wall-clock time.
 */
public record StageTimes(double read, double fragments, double graph, double agglomeration) {
}
