/**
 * Writing the label volumes of a segmentation (fragments, or a threshold's segments) into a dataset,
 * block by block.
 */
package org.cmgseg.segmentation.io;
