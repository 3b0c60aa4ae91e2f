/**
 * The segmentation pipeline as Apache Spark jobs over blocks of the volume: edge statistics per block, merged
 * per edge, agglomerated on the driver, relabelled blockwise into one dataset per threshold.
 */
package org.cmgseg.spark;
