/**
 * waterz's agglomeration: edges scored by a merge function and merged lowest score first through an
 * exact or a discretised queue, in one pass over all thresholds, giving the merge history and the graph
 * that remains.
 */
package org.cmgseg.segmentation.agglomerate;
