/**
 * The built-in synthetic EM volume: densely packed neurites and mitochondria traced through a
 * deterministic random stream, their labels, boundaries, raw image and affinities with the defects of a
 * U-Net's prediction, for a given seed and grid; and its mirror-tiling, read a region at a time.
 */
package org.cmgseg.data;
