package org.cmgseg.spark;

import java.io.IOException;
import org.cmgseg.affinities.NonFinitePolicy;
import org.cmgseg.affinities.ProbabilityView;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.Labels;
import org.cmgseg.core.AffinityGraph;

/** What a task reads of a block: the uint64 fragment labels, the affinities (channel slowest, then z, y, x). */
final class BlockReads {

    private BlockReads() {
    }

    static long[] labels(String address, Block block) throws IOException {
        try (Containers.OpenDataset open = Containers.open(DatasetAddress.parse(address))) {
            Object values = open.dataset().read(block.offset(), block.size());
            long[] labels = new long[block.voxels()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = Labels.unsigned(open.dataset().info().dataType(), values, i);
            }
            return labels;
        }
    }

    static float[] affinities(String address, Block block) throws IOException {
        try (Containers.OpenDataset open = Containers.open(DatasetAddress.parse(address))) {
            ProbabilityView view = ProbabilityView.of(open.dataset(), NonFinitePolicy.FAIL, address);
            long[] offset = {block.offset()[0], block.offset()[1], block.offset()[2], 0};
            int[] size = {block.size()[0], block.size()[1], block.size()[2], AffinityGraph.CHANNELS};
            return (float[]) view.read(offset, size);
        }
    }
}
