/**
 * The segmentation pipeline as Apache Spark jobs over blocks of the volume: the CMG soft threshold and fragments per
 * block, edge statistics per block merged per edge, agglomerated on the driver, relabelled blockwise into one dataset
 * per threshold.
 */
package org.cmgseg.spark;
