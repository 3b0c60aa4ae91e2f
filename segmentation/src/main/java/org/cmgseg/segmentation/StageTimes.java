package org.cmgseg.segmentation;

/**
 * Seconds spent in each stage of a segmentation. Fragments, graph and agglomeration are wall-clock
 * times, one after the other, each including the time it waited for reads; read is the time spent
 * reading affinities, summed over the threads that read, mostly while the other stages compute, so it
 * overlaps them.
 */
public record StageTimes(double read, double fragments, double graph, double agglomeration) {
}
