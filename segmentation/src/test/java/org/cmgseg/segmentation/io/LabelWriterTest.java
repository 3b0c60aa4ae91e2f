package org.cmgseg.segmentation.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.hdf5.Hdf5Container;
import org.cmgseg.core.RunContext;
import org.cmgseg.segmentation.SegmentationOptions;
import org.cmgseg.segmentation.SegmentationPipeline;
import org.cmgseg.segmentation.SegmentationResult;
import org.cmgseg.segmentation.WaterzReference;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.merge.MergeFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segmentations and fragments written block by block read back as the whole volumes. */
class LabelWriterTest {

    @Test
    void blocksThatDoNotDivideTheVolume(@TempDir Path directory) throws IOException {
        SegmentationResult result = SegmentationPipeline.run(WaterzReference.affinities("affinities"),
                SegmentationOptions.of(MergeFunction.parse("mean"), new QueueType(256), 0.4), RunContext.sequential());
        Path file = directory.resolve("out.h5");
        DatasetInfo info = DatasetInfo.ofShape(result.fragments().grid().shape(), new int[] {7, 30, 64}, DataType.UINT64,
                Compression.GZIP);
        List<Long> blocks = Collections.synchronizedList(new ArrayList<>());
        try (Hdf5Container container = Hdf5Container.openForWriting(file)) {
            try (DatasetWriter writer = container.create("/segmentation", info)) {
                result.writeSegmentation(0, writer, RunContext.of(2, (stage, done, total) -> blocks.add(done)));
                writer.commit();
            }
            try (DatasetWriter writer = container.create("/fragments", info)) {
                result.writeFragments(writer, RunContext.sequential());
                writer.commit();
            }
        }
        assertEquals(0, blocks.get(0), "a report when the writing starts");
        assertEquals(8 * 4 * 4, blocks.stream().mapToLong(Long::longValue).max().orElseThrow(), "progress counts blocks, to the last");
        try (Hdf5Container container = Hdf5Container.open(file)) {
            assertArrayEquals(result.segmentation(0), (long[]) container.open("/segmentation").readAll());
            assertArrayEquals(WaterzReference.fragments("affinities"), (long[]) container.open("/fragments").readAll());
        }
    }

    @Test
    void theDatasetMustFitTheLabels(@TempDir Path directory) throws IOException {
        SegmentationResult result = SegmentationPipeline.run(WaterzReference.affinities("affinities"),
                SegmentationOptions.of(MergeFunction.parse("mean"), QueueType.EXACT, 0.4), RunContext.sequential());
        try (Hdf5Container container = Hdf5Container.openForWriting(directory.resolve("bad.h5"))) {
            try (DatasetWriter writer = container.create("/a", DatasetInfo.ofShape(new long[] {50, 100, 201}, new int[] {50, 100, 201},
                    DataType.UINT64, Compression.RAW))) {
                assertThrows(IllegalArgumentException.class, () -> result.writeSegmentation(0, writer, RunContext.sequential()));
            }
            try (DatasetWriter writer = container.create("/b", DatasetInfo.ofShape(new long[] {50, 100, 200}, new int[] {50, 100, 200},
                    DataType.FLOAT32, Compression.RAW))) {
                assertThrows(IllegalArgumentException.class, () -> result.writeSegmentation(0, writer, RunContext.sequential()));
            }
        }
    }
}
