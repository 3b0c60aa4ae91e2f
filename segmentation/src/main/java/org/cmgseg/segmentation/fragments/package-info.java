/**
 * Fragments, the first cut of an affinity volume: waterz's steepest-ascent watershed, the
 * distance-transform watersheds of the MALA / CREMI scripts (mahotas) and of lsd, their building blocks,
 * and fragments supplied as a label volume.
 */
package org.cmgseg.segmentation.fragments;
