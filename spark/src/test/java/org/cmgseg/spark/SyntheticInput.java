package org.cmgseg.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.Datasets;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.data.SyntheticEm;
import org.cmgseg.data.SyntheticParameters;
import org.cmgseg.segmentation.SegmentationOptions;
import org.cmgseg.segmentation.SegmentationPipeline;
import org.cmgseg.segmentation.SegmentationResult;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.merge.MergeFunction;

/** A synthetic EM volume's affinities in an N5 container (chunks that no block size of the tests matches), and segment run on them. */
final class SyntheticInput {

    static final MergeFunction FUNCTION = MergeFunction.parse("median_aff_histograms");
    static final QueueType QUEUE = QueueType.parse("bins:256");
    static final float[] THRESHOLDS = {0.3f, 0.5f, 0.7f};

    private SyntheticInput() {
    }

    /** Writes the affinities of the synthetic volume of {@code grid} and {@code seed}; returns their address. */
    static String affinities(Path folder, VoxelGrid grid, long seed) throws IOException {
        Path n5 = folder.resolve("input-" + seed + ".n5");
        float[] values = SyntheticEm.generate(SyntheticParameters.defaults().withGrid(grid).withSeed(seed)).affinities().values();
        try (Container container = Containers.openForWriting(n5, Format.N5)) {
            write(container, "/affinities", new long[] {grid.sizeX(), grid.sizeY(), grid.sizeZ(), 3}, DataType.FLOAT32, values);
        }
        return n5 + ":/affinities";
    }

    static void write(Container container, String path, long[] dimensions, DataType type, Object values) throws IOException {
        int[] chunks = {13, 11, 5, 3};
        try (DatasetWriter writer = container.create(path, new DatasetInfo(dimensions, Arrays.copyOf(chunks, dimensions.length),
                type, Compression.RAW))) {
            Datasets.writeAll(writer, values);
            writer.commit();
        }
    }

    /** {@code cmgseg segment} on the affinities at {@code address} with the fragments of {@code method}. */
    static SegmentationResult segment(String address, FragmentMethod method) throws IOException {
        double[] thresholds = new double[THRESHOLDS.length];
        for (int t = 0; t < thresholds.length; t++) {
            thresholds[t] = THRESHOLDS[t];
        }
        try (Containers.OpenDataset a = Containers.open(DatasetAddress.parse(address))) {
            SegmentationOptions options = SegmentationOptions.of(FUNCTION, QUEUE, thresholds).withFragments(method);
            return SegmentationPipeline.run(AffinitySource.of(a.dataset()), options, RunContext.sequential());
        }
    }

    static BlockwiseSegmentation.Options options(String affinities, String output, int[] blockSize, FragmentMethod method, int halo,
            CmgStage cmg) {
        return new BlockwiseSegmentation.Options(affinities, null, output, FUNCTION, QUEUE, THRESHOLDS, blockSize, method, halo, cmg);
    }

    static long[] read(String address) throws IOException {
        try (Containers.OpenDataset open = Containers.open(DatasetAddress.parse(address))) {
            return (long[]) open.dataset().readAll();
        }
    }
}
