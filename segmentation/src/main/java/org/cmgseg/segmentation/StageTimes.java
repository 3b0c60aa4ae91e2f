package org.cmgseg.segmentation;

/**
 * Wall-clock seconds of each stage of a segmentation. Fragments, graph and agglomeration run one after
 * the other, each including the time it waited for reads; read is the time during which affinities
 * were being read (by one thread or several at once), mostly while the other stages compute, so it
 * overlaps them.
 */
public record StageTimes(double read, double fragments, double graph, double agglomeration) {
}
