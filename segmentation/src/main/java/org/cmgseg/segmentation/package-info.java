/**
 * Affinity-graph segmentation that reproduces waterz exactly: affinities -> fragments -> region graph -> one
 * agglomeration pass over all thresholds. {@link org.cmgseg.segmentation.SegmentationPipeline#run} with
 * {@link org.cmgseg.segmentation.SegmentationOptions} gives a {@link org.cmgseg.segmentation.SegmentationResult}.
 */
package org.cmgseg.segmentation;
