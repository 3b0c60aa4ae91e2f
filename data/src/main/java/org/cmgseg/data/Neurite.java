package org.cmgseg.data;

/**
 * The centre line of a neurite as a chain of sample points with the radius at each. Coordinates are in
 * pixels of the section plane (4 nm) along all three axes: {@code z} is the slice index times the
 * anisotropy, so distances are physical.
 */
record Neurite(double[] x, double[] y, double[] z, double[] radius) {

    int samples() {
        return x.length;
    }
}
