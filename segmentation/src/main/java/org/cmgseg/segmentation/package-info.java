/**
 * Affinity-graph segmentation that reproduces waterz exactly:
 * affinities ({@link org.cmgseg.affinities.source.AffinitySource}, streamed in z-slabs) -> fragments
 * ({@link org.cmgseg.segmentation.fragments}) -> region graph ({@link org.cmgseg.segmentation.graph})
 * -> one agglomeration pass over all thresholds ({@link org.cmgseg.segmentation.agglomerate}, scored
 * by a {@link org.cmgseg.segmentation.merge.MergeFunction}).
 * <p>
 * Entry points: {@link org.cmgseg.segmentation.SegmentationPipeline#run} with
 * {@link org.cmgseg.segmentation.SegmentationOptions}, giving a
 * {@link org.cmgseg.segmentation.SegmentationResult} (fragments, merge history, per-threshold
 * fragment-to-segment maps, block-wise writing, the remaining graph, stage times); and
 * {@link org.cmgseg.segmentation.SegmentationBenchmark#run} for measurements. Labels are uint64
 * (Java {@code long}) in every result; internally fragments are dense int indices. Results do not
 * depend on the number of threads. Bad input fails with a one-line {@link IllegalArgumentException}.
 */
package org.cmgseg.segmentation;
