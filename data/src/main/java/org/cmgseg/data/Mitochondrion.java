package org.cmgseg.data;

/**
 * A mitochondrion: a tube of the given radius along the samples {@code from..to} of its host neurite's
 * centre line, shifted sideways by (offsetX, offsetY) pixels.
 */
record Mitochondrion(int host, int from, int to, double offsetX, double offsetY, double radius) {
}
