/**
 * TIFF stacks as one dataset (z, y, x): read through ImageJ, 32-bit integers exactly; written uncompressed
 * as ImageJ writes stacks, with the voxel size as the stack's calibration.
 */
package org.cmgseg.affinities.io.tiff;
