/**
 * The region adjacency graph of a fragment volume: one edge per pair of touching fragments, found and
 * given their edge statistics in passes over the voxel faces.
 */
package org.cmgseg.segmentation.graph;
