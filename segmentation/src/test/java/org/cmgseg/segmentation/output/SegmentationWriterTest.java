package org.cmgseg.segmentation.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.affinities.io.Geometry;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.ShortestDecimal;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.SegmentationOptions;
import org.cmgseg.segmentation.SegmentationPipeline;
import org.cmgseg.segmentation.SegmentationResult;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.merge.MergeFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The segmentation group as every front end writes it: names, attributes exactly as the command line wrote
 * them before the writer moved into the library, the voxels of the result, and nothing visible before commit.
 */
class SegmentationWriterTest {

    private static final VoxelGrid GRID = new VoxelGrid(20, 12, 5);
    private static final DatasetInfo LABELS = DatasetInfo.ofShape(new long[] {5, 12, 20}, new int[] {5, 8, 8}, DataType.UINT64,
            Compression.GZIP);
    private static final Geometry GEOMETRY = Geometry.ofResolution(new double[] {40, 4, 4});
    /** A threshold whose name is the shortest decimal of the float32 it becomes. */
    private static final double THIRD = 1.0 / 3;
    private static SegmentationResult result;

    @TempDir
    Path dir;

    @BeforeAll
    static void segment() throws IOException {
        Random random = new Random(12);
        float[] values = new float[GRID.arrayLength(AffinityGraph.CHANNELS)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        SegmentationOptions options = SegmentationOptions.of(MergeFunction.parse("median_aff"), QueueType.EXACT, THIRD, 0.5);
        result = SegmentationPipeline.run(new AffinityGraph(GRID, values), options, RunContext.of(2, Progress.NONE));
    }

    private static void write(DatasetAddress group, boolean overwrite, Path history) throws IOException {
        try (SegmentationWriter writer = SegmentationWriter.open(group, GEOMETRY, LABELS, overwrite)) {
            writer.write(result, FragmentMethod.waterz(), RunContext.of(2, Progress.NONE));
            writer.history(history);
            writer.commit();
        }
    }

    @Test
    void n5AttributesAreThoseTheCommandLineWrote() throws IOException {
        DatasetAddress group = DatasetAddress.parse(dir.resolve("s.n5") + ":/seg");
        write(group, false, null);
        assertEquals("0.33333334", ShortestDecimal.of((float) THIRD));
        assertEquals(List.of("0.33333334", "0.5", "fragments"), children(dir.resolve("s.n5/seg")));
        String head = """
                {
                  "dimensions": [
                    20,
                    12,
                    5
                  ],
                  "blockSize": [
                    8,
                    8,
                    5
                  ],
                  "dataType": "uint64",
                  "compression": {
                    "type": "gzip",
                    "level": 6,
                    "useZlib": false
                  },
                  "resolution": [
                    4.0,
                    4.0,
                    40.0
                  ],
                  "offset": [
                    0.0,
                    0.0,
                    0.0
                  ],
                  "fragments": "waterz\"""";
        assertEquals(head + "\n}", Files.readString(dir.resolve("s.n5/seg/fragments/attributes.json")).strip());
        assertEquals(head + ",\n  \"threshold\": 0.5,\n  \"merge_function\": \"quantile:50:maxinit\",\n  \"queue\": \"exact\",\n"
                + "  \"segments\": " + result.segmentCount(1) + "\n}",
                Files.readString(dir.resolve("s.n5/seg/0.5/attributes.json")).strip());
        assertTrue(Files.readString(dir.resolve("s.n5/seg/0.33333334/attributes.json")).contains("\"threshold\": 0.33333334,"));
    }

    @Test
    void zarrAndHdf5KeepTheAxesZyxAndTheVoxelsAreTheResults() throws IOException {
        for (Format format : List.of(Format.ZARR, Format.HDF5)) {
            Path file = dir.resolve(format == Format.ZARR ? "s.zarr" : "s.h5");
            DatasetAddress group = new DatasetAddress(file, format, "/seg");
            write(group, false, null);
            try (Container container = Containers.open(file, format)) {
                assertEquals(List.of("0.33333334", "0.5", "fragments"), container.children("/seg").stream().sorted().toList());
                assertEquals("[40.0,4.0,4.0]", container.attributes("/seg/0.5").get("resolution").toString(), format.toString());
                assertArrayEquals(result.segmentation(0), (long[]) container.open("/seg/0.33333334").readAll());
                assertArrayEquals(result.segmentation(1), (long[]) container.open("/seg/0.5").readAll());
                long[] fragments = (long[]) container.open("/seg/fragments").readAll();
                for (int v = 0; v < fragments.length; v++) {
                    assertEquals(result.label(result.fragments().ids()[v]), fragments[v]);
                }
            }
        }
    }

    @Test
    void nothingIsVisibleBeforeCommitAndNothingIsLeftWithout() throws IOException {
        DatasetAddress group = DatasetAddress.parse(dir.resolve("s.n5") + ":/seg");
        Path history = dir.resolve("history.csv");
        try (SegmentationWriter writer = SegmentationWriter.open(group, GEOMETRY, LABELS, false)) {
            writer.write(result, FragmentMethod.waterz(), RunContext.of(2, Progress.NONE));
            writer.history(history);
            try (Container reader = Containers.open(dir.resolve("s.n5"), Format.N5)) {
                assertEquals(List.of(), reader.children("/seg"), "unfinished volumes are hidden");
            }
        }
        assertEquals(List.of(), children(dir.resolve("s.n5/seg")), "no commit, nothing left, not even hidden");
        assertFalse(Files.exists(history));
    }

    @Test
    void anOverwrittenGroupHoldsThisRunsThresholdsAlone() throws IOException {
        DatasetAddress group = DatasetAddress.parse(dir.resolve("s.n5") + ":/seg");
        try (Container container = Containers.openForWriting(dir.resolve("s.n5"), Format.N5)) {
            for (String name : List.of("0.7", "0.5", "notes", "1e-1")) {
                try (DatasetWriter stale = container.create("/seg/" + name, LABELS)) {
                    stale.commit();
                }
            }
        }
        String refused = assertThrows(IllegalArgumentException.class, () -> write(group, false, null)).getMessage();
        assertTrue(refused.startsWith(group + " already holds ") && refused.endsWith("; overwrite to replace them"), refused);
        assertEquals(List.of("0.5", "0.7", "1e-1", "notes"), children(dir.resolve("s.n5/seg")), "a refused write changes nothing");
        write(group, true, null);
        assertEquals(List.of("0.33333334", "0.5", "1e-1", "fragments", "notes"), children(dir.resolve("s.n5/seg")));
    }

    @Test
    void theHistoryListsEveryMergeWithTheFirstThresholdThatIncludesIt() throws IOException {
        Path history = dir.resolve("history.csv");
        write(DatasetAddress.parse(dir.resolve("s.zarr") + ":/seg"), false, history);
        List<String> lines = Files.readAllLines(history);
        assertEquals("a,b,c,score,threshold", lines.get(0));
        assertEquals(result.history().size() + 1, lines.size());
        for (int i = 0; i < result.history().size(); i++) {
            String[] f = lines.get(i + 1).split(",");
            assertEquals(f[0], f[2], "c = a");
            float score = Float.parseFloat(f[3]);
            assertEquals(result.history().score(i), score);
            float threshold = Float.parseFloat(f[4]);
            assertTrue(score <= threshold && (threshold == (float) THIRD || score > (float) THIRD), lines.get(i + 1));
        }
    }

    /** What a folder holds, hidden files too, but the group's own attributes. */
    private static List<String> children(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> !name.equals("attributes.json")).sorted().toList();
        }
    }
}
