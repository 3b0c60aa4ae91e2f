package org.cmgseg.affinities.io.tiff;

/** The calibration a TIFF stack keeps: the voxel size (z, y, x) and its unit. */
record VoxelSize(double[] zyx, String unit) {

    VoxelSize {
        if (zyx.length != 3) {
            throw new IllegalArgumentException("a voxel size has 3 values (z, y, x), got " + zyx.length);
        }
        for (double size : zyx) {
            if (!(size > 0) || Double.isInfinite(size)) {
                throw new IllegalArgumentException("a voxel size must be positive and finite, got " + size);
            }
        }
    }
}
