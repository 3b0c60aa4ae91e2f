/**
 * Affinities (3, z, y, x) as segmentation reads them: the three nearest-neighbour channels of a volume,
 * streamed in slabs of whole chunks (read ahead when raw), in memory or from any dataset; what one pass read is
 * kept as codes of its distinct values, when they are few, for the passes after it.
 */
package org.cmgseg.affinities.source;
