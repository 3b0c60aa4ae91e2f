package org.cmgseg.spark;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.output.SegmentationWriter;

/**
 * Fragments computed per block: a Spark job running {@link BlockFragments} on every block, written into the output group's
 * {@code fragments} dataset (uint64, chunks = blocks, as {@code segment} writes one) by the tasks themselves, which appears
 * only once every block is in ({@link HiddenDatasets}).
 */
final class FragmentStage {

    private FragmentStage() {
    }

    /** Computes the fragments, each task writing its own block's chunks; returns the dataset's address. */
    static String run(JavaRDD<Block> blocks, BlockAffinities affinities, BlockwiseSegmentation.Options options, long[] volume)
            throws IOException {
        // the library's methods are not Serializable: tasks parse the canonical name
        String method = options.watershed().name();
        int halo = options.halo();
        DatasetInfo storage = new DatasetInfo(volume, options.blockSize(), DataType.UINT64, Compression.GZIP);
        try (HiddenDatasets output = HiddenDatasets.create(options.output(), List.of(SegmentationWriter.FRAGMENTS), storage,
                options.blockSize())) {
            BlockOutput fragments = output.outputs().get(0);
            blocks.foreach(block -> fragments.write(block, BlockFragments.of(affinities, FragmentMethod.parse(method), block, halo, volume)));
            JsonObject attributes = new JsonObject();
            attributes.addProperty("fragments", options.watershed().name());
            attributes.addProperty("halo", options.halo());
            attributes.addProperty("local_id_bits", BlockFragments.LOCAL_BITS);
            output.commit(List.of(attributes));
        }
        return DatasetAddress.parse(options.output()).resolve(SegmentationWriter.FRAGMENTS).toString();
    }

    /** Removes the dataset written by {@link #run} (when a later stage failed: no output is left from a failed run). */
    static void discard(String fragments) throws IOException {
        DatasetAddress address = DatasetAddress.parse(fragments);
        try (Container container = Containers.openForWriting(address.container(), address.format())) {
            container.delete(address.dataset());
        }
    }
}
