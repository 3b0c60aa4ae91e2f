package org.cmgseg.segmentation;

/**
 * Wall-clock seconds of each stage of a segmentation. Fragments, graph and agglomeration run one after
 * the other, each including the time it waited for reads. Read is the time during which affinities
 * were being read: it lies within the fragments and graph stages (compressed data is read when they
 * need it, raw data ahead, while they compute), so it overlaps them rather than adding to them.
 */
public record StageTimes(double read, double fragments, double graph, double agglomeration) {
}
