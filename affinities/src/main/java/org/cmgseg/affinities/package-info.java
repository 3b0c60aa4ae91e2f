/**
 * Affinity and boundary volumes as values: affinities computed on demand from labels or boundaries,
 * values checked as they are read, the CMG soft threshold and value ranges of whole volumes, block-wise
 * processing, and datasets seen as imglib2 images.
 */
package org.cmgseg.affinities;
