package org.cmgseg.data;

import org.cmgseg.core.VoxelGrid;

/**
 * A smooth random field over a voxel grid, in [-1, 1]: random values on a coarse lattice, blended with
 * smoothstep weights. A lattice spacing of 1 along an axis makes the field independent from one voxel
 * to the next along it (used along z for section-to-section variation).
 */
final class SmoothNoise {

    private final float[] lattice;
    private final int latticeX;
    private final int latticeY;
    private final Axis alongX;
    private final Axis alongY;
    private final Axis alongZ;

    /** Per coordinate along one axis: the lattice cell and the blending weight of its upper corner. */
    private record Axis(int[] cell, float[] weight, int latticeSize) {

        static Axis of(int size, double spacing) {
            int[] cell = new int[size];
            float[] weight = new float[size];
            for (int i = 0; i < size; i++) {
                double u = i / spacing;
                int c = (int) Math.floor(u);
                double t = u - c;
                cell[i] = c;
                weight[i] = (float) (t * t * (3 - 2 * t));
            }
            return new Axis(cell, weight, cell[size - 1] + 2);
        }
    }

    SmoothNoise(long seed, VoxelGrid grid, double spacingX, double spacingY, double spacingZ) {
        alongX = Axis.of(grid.sizeX(), spacingX);
        alongY = Axis.of(grid.sizeY(), spacingY);
        alongZ = Axis.of(grid.sizeZ(), spacingZ);
        latticeX = alongX.latticeSize;
        latticeY = alongY.latticeSize;
        lattice = new float[latticeX * latticeY * alongZ.latticeSize];
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = (float) CounterHash.signed(seed, i);
        }
    }

    float at(int x, int y, int z) {
        int cx = alongX.cell[x];
        int cy = alongY.cell[y];
        int cz = alongZ.cell[z];
        float wx = alongX.weight[x];
        float wy = alongY.weight[y];
        float wz = alongZ.weight[z];
        float lower = bilinear(cx, cy, cz, wx, wy);
        return wz == 0 ? lower : lower + wz * (bilinear(cx, cy, cz + 1, wx, wy) - lower);
    }

    private float bilinear(int cx, int cy, int cz, float wx, float wy) {
        int row = (cz * latticeY + cy) * latticeX + cx;
        float v00 = lattice[row];
        float v10 = lattice[row + 1];
        float v01 = lattice[row + latticeX];
        float v11 = lattice[row + latticeX + 1];
        float bottom = v00 + wx * (v10 - v00);
        float top = v01 + wx * (v11 - v01);
        return bottom + wy * (top - bottom);
    }
}
