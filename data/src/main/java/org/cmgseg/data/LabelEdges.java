package org.cmgseg.data;

import org.cmgseg.core.VoxelGrid;

/** Where a label volume changes: the voxels with a face neighbour of another label. */
final class LabelEdges {

    private LabelEdges() {
    }

    /**
     * 1 at voxels with an x or y neighbour of another label, else {@code zWeight} at voxels whose z neighbour
     * differs, else 0.
     */
    static float[] of(VoxelGrid grid, long[] labels, float zWeight, SliceLoop slices) {
        int sizeX = grid.sizeX();
        int sizeY = grid.sizeY();
        int sizeZ = grid.sizeZ();
        int sliceSize = sizeX * sizeY;
        float[] edges = new float[labels.length];
        slices.forSlices((zFrom, zTo) -> {
            for (int z = zFrom; z < zTo; z++) {
                for (int y = 0; y < sizeY; y++) {
                    for (int x = 0; x < sizeX; x++) {
                        int v = (z * sizeY + y) * sizeX + x;
                        long label = labels[v];
                        boolean inPlane = x > 0 && labels[v - 1] != label || x < sizeX - 1 && labels[v + 1] != label
                                || y > 0 && labels[v - sizeX] != label || y < sizeY - 1 && labels[v + sizeX] != label;
                        boolean acrossSections = z > 0 && labels[v - sliceSize] != label || z < sizeZ - 1 && labels[v + sliceSize] != label;
                        edges[v] = inPlane ? 1 : acrossSections ? zWeight : 0;
                    }
                }
            }
        });
        return edges;
    }
}
