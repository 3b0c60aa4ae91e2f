package org.cmgseg.segmentation.gridsearch;

import org.cmgseg.core.RunContext;
import java.io.IOException;
import java.util.Arrays;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.affinities.ProbabilityView;
import org.cmgseg.affinities.ValueRange;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.segmentation.evaluate.GroundTruth;
import org.cmgseg.affinities.source.AffinityChannels;
import org.cmgseg.affinities.source.AffinitySource;

/**
 * The volumes of a grid search in memory: the affinities with their global value range (every
 * channel and voxel, the zero faces included; NaN and infinities read as another value do not
 * count), and the ground truth, border-masked when asked. Fails
 * with one line naming the dataset when a volume is unusable.
 */
record GridVolumes(AffinityGraph affinities, ValueRange range, GroundTruth groundTruth) {

    static GridVolumes read(GridInputs inputs, RunContext context) throws IOException {
        DatasetAddress address = DatasetAddress.parse(inputs.affinities());
        try (Containers.OpenDataset open = Containers.open(address)) {
            Dataset channels = AffinityChannels.select(open, address, inputs.channels(), context.progress());
            ProbabilityView values = ProbabilityView.of(channels, inputs.nonFinitePolicy(), inputs.affinities());
            AffinitySource source = AffinitySource.of(values, 0);
            VoxelGrid grid = source.grid();
            grid.arrayLength(AffinityGraph.CHANNELS);
            AffinityGraph affinities = new AffinityGraph(grid, source.read(0, grid.sizeZ(), context).values());
            return new GridVolumes(affinities, values.range(), groundTruth(inputs, grid, context));
        }
    }

    private static GroundTruth groundTruth(GridInputs inputs, VoxelGrid grid, RunContext context) throws IOException {
        String where = "the ground truth " + inputs.groundTruth();
        try (Containers.OpenDataset open = Containers.open(DatasetAddress.parse(inputs.groundTruth()))) {
            DatasetInfo info = open.dataset().info();
            if (!Arrays.equals(info.dimensions(), grid.dimensions())) {
                throw new IllegalArgumentException(where + " has shape " + info.shapeText() + " but the affinities have " + grid);
            }
            return GroundTruth.read(open.dataset(), where, inputs.borderThresholdNm(), inputs.resolutionZyx(), context);
        }
    }
}
