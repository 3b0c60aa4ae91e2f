package org.cmgseg.data;

import org.cmgseg.core.VoxelGrid;

/** Gaussian smoothing of float volumes, one axis at a time, with the edge value repeated beyond the border. */
final class GaussianBlur {

    private GaussianBlur() {
    }

    /** Smooths every z-slice in x and y, in place. */
    static void blurXY(float[] field, VoxelGrid grid, double sigma, SliceLoop slices) {
        float[] kernel = kernel(sigma);
        int sizeX = grid.sizeX();
        int sizeY = grid.sizeY();
        int sliceSize = sizeX * sizeY;
        slices.forSlices((zFrom, zTo) -> {
            float[] alongX = new float[sliceSize];
            for (int z = zFrom; z < zTo; z++) {
                int slice = z * sliceSize;
                for (int y = 0; y < sizeY; y++) {
                    convolve(field, slice + y * sizeX, 1, sizeX, kernel, alongX, y * sizeX);
                }
                for (int x = 0; x < sizeX; x++) {
                    convolve(alongX, x, sizeX, sizeY, kernel, field, slice + x);
                }
            }
        });
    }

    /** A copy of the field smoothed along z. */
    static float[] blurZ(float[] field, VoxelGrid grid, double sigma, SliceLoop slices) {
        float[] kernel = kernel(sigma);
        int sliceSize = grid.sizeX() * grid.sizeY();
        int sizeZ = grid.sizeZ();
        float[] blurred = new float[field.length];
        slices.forSlices((zFrom, zTo) -> {
            for (int z = zFrom; z < zTo; z++) {
                for (int i = 0; i < sliceSize; i++) {
                    float sum = kernel[0] * field[z * sliceSize + i];
                    for (int k = 1; k < kernel.length; k++) {
                        int below = Math.max(z - k, 0);
                        int above = Math.min(z + k, sizeZ - 1);
                        sum += kernel[k] * (field[below * sliceSize + i] + field[above * sliceSize + i]);
                    }
                    blurred[z * sliceSize + i] = sum;
                }
            }
        });
        return blurred;
    }

    /** One line of {@code length} values, read from {@code source} and written to {@code target} with the same stride. */
    private static void convolve(float[] source, int start, int stride, int length, float[] kernel, float[] target, int targetStart) {
        int last = length - 1;
        for (int i = 0; i < length; i++) {
            float sum = kernel[0] * source[start + i * stride];
            for (int k = 1; k < kernel.length; k++) {
                int lower = Math.max(i - k, 0);
                int upper = Math.min(i + k, last);
                sum += kernel[k] * (source[start + lower * stride] + source[start + upper * stride]);
            }
            target[targetStart + i * stride] = sum;
        }
    }

    /** The weights at offsets 0, 1, ..., 3 sigma, normalised so that the full symmetric kernel sums to 1. */
    private static float[] kernel(double sigma) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigma));
        double[] weights = new double[radius + 1];
        double total = 0;
        for (int k = 0; k <= radius; k++) {
            weights[k] = StrictMath.exp(-0.5 * k * k / (sigma * sigma));
            total += k == 0 ? weights[k] : 2 * weights[k];
        }
        float[] kernel = new float[radius + 1];
        for (int k = 0; k <= radius; k++) {
            kernel[k] = (float) (weights[k] / total);
        }
        return kernel;
    }
}
