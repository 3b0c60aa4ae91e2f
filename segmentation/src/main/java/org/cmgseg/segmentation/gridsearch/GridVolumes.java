package org.cmgseg.segmentation.gridsearch;

import java.io.IOException;
import java.util.Arrays;
import org.cmgseg.affinities.AffinityGraph;
import org.cmgseg.affinities.ValueRange;
import org.cmgseg.affinities.VoxelGrid;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.segmentation.evaluate.GroundTruth;
import org.cmgseg.segmentation.io.AffinitySource;

/**
 * The volumes of a grid search in memory: the affinities with their global value range (every
 * channel and voxel, the zero faces included), and the ground truth, border-masked when asked. Fails
 * with one line naming the dataset when a volume is unusable.
 */
record GridVolumes(AffinityGraph affinities, ValueRange range, GroundTruth groundTruth) {

    static GridVolumes read(GridInputs inputs, int threads) throws IOException {
        AffinityGraph affinities = affinities(inputs, threads);
        return new GridVolumes(affinities, ValueRange.of(affinities.values()), groundTruth(inputs, affinities.grid(), threads));
    }

    private static AffinityGraph affinities(GridInputs inputs, int threads) throws IOException {
        try (Containers.OpenDataset open = Containers.open(DatasetAddress.parse(inputs.affinities()))) {
            AffinitySource source = AffinitySource.of(open.dataset(), inputs.affinities(), threads);
            VoxelGrid grid = source.grid();
            grid.arrayLength(AffinityGraph.CHANNELS);
            float[] values = source.read(0, grid.sizeZ()).values();
            inputs.nonFinitePolicy().apply(values, new long[4],
                    new int[] {grid.sizeX(), grid.sizeY(), grid.sizeZ(), AffinityGraph.CHANNELS}, inputs.affinities());
            return new AffinityGraph(grid, values);
        }
    }

    private static GroundTruth groundTruth(GridInputs inputs, VoxelGrid grid, int threads) throws IOException {
        String where = "the ground truth " + inputs.groundTruth();
        try (Containers.OpenDataset open = Containers.open(DatasetAddress.parse(inputs.groundTruth()))) {
            DatasetInfo info = open.dataset().info();
            if (!Arrays.equals(info.dimensions(), grid.dimensions())) {
                throw new IllegalArgumentException(where + " has shape " + info.shapeText() + " but the affinities have " + grid);
            }
            return GroundTruth.read(open.dataset(), where, inputs.borderThresholdNm(), inputs.resolutionZyx(), threads);
        }
    }
}
