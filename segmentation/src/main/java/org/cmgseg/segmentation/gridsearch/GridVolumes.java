package org.cmgseg.segmentation.gridsearch;

import java.io.IOException;
import java.util.Arrays;
import org.cmgseg.affinities.ProbabilityView;
import org.cmgseg.affinities.ValueRange;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.source.AffinityChannels;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.evaluate.GroundTruth;

/**
 * The volumes of a grid search in memory: the affinities with their global value range (every
 * channel and voxel, the zero faces included; NaN and infinities read as another value do not
 * count), and the ground truth, border-masked when asked.
 */
public record GridVolumes(AffinityGraph affinities, ValueRange range, GroundTruth groundTruth) {

    /** Affinities in memory, all in [0, 1], and ground truth of their shape; their range is that of the values. */
    public static GridVolumes of(AffinityGraph affinities, GroundTruth groundTruth) {
        if (groundTruth.labels().length != affinities.grid().voxels()) {
            throw new IllegalArgumentException("the ground truth has " + groundTruth.labels().length + " voxels but the affinities have "
                    + affinities.grid());
        }
        ValueRange range = ValueRange.of(affinities.values());
        if (!(range.min() >= 0 && range.max() <= 1)) {
            throw new IllegalArgumentException("the affinities must lie in [0, 1] and be finite, but they range from " + range.min()
                    + " to " + range.max());
        }
        return new GridVolumes(affinities, range, groundTruth);
    }

    /** Reads the volumes of the inputs; fails with one line naming the dataset when a volume is unusable. */
    static GridVolumes read(GridInputs inputs, RunContext context) throws IOException {
        DatasetAddress address = DatasetAddress.parse(inputs.affinities());
        try (Containers.OpenDataset open = Containers.open(address)) {
            Dataset channels = AffinityChannels.select(open, address, inputs.channels(), context);
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
