package org.cmgseg.spark;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.Iterator;
import org.apache.spark.api.java.JavaRDD;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.output.SegmentationWriter;
import scala.Tuple2;

/**
 * Fragments computed per block: a Spark job running {@link BlockFragments} on every block, written into the output group's
 * {@code fragments} dataset (uint64, chunks = blocks, as {@code segment} writes one), which appears only once every block is in.
 */
final class FragmentStage {

    private FragmentStage() {
    }

    /** Computes and writes the fragments; returns the dataset's address. */
    static String run(JavaRDD<Block> blocks, BlockAffinities affinities, BlockwiseSegmentation.Options options, long[] volume)
            throws IOException {
        // the library's methods are not Serializable: tasks parse the canonical name
        String method = options.watershed().name();
        int halo = options.halo();
        DatasetAddress address = DatasetAddress.parse(options.output()).resolve(SegmentationWriter.FRAGMENTS);
        write(blocks.map(block -> new Tuple2<>(block, BlockFragments.of(affinities, FragmentMethod.parse(method), block, halo, volume)))
                .toLocalIterator(), address, volume, options);
        return address.toString();
    }

    /** Writes the blocks as they come, then makes the dataset visible. */
    private static void write(Iterator<Tuple2<Block, long[]>> blocks, DatasetAddress address, long[] volume,
            BlockwiseSegmentation.Options options) throws IOException {
        DatasetInfo storage = new DatasetInfo(volume, options.blockSize(), DataType.UINT64, Compression.GZIP);
        try (Container container = Containers.openForWriting(address.container(), address.format());
             DatasetWriter writer = container.create(address.dataset(), storage)) {
            while (blocks.hasNext()) {
                Tuple2<Block, long[]> block = blocks.next();
                writer.write(block._1().offset(), block._1().size(), block._2());
            }
            writer.commit();
            JsonObject attributes = new JsonObject();
            attributes.addProperty("fragments", options.watershed().name());
            attributes.addProperty("halo", options.halo());
            attributes.addProperty("local_id_bits", BlockFragments.LOCAL_BITS);
            container.setAttributes(address.dataset(), attributes);
        }
    }

    /** Removes the dataset written by {@link #run} (when a later stage failed: no output is left from a failed run). */
    static void discard(String fragments) throws IOException {
        DatasetAddress address = DatasetAddress.parse(fragments);
        try (Container container = Containers.openForWriting(address.container(), address.format())) {
            container.delete(address.dataset());
        }
    }
}
