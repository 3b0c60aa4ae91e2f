package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.Datasets;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.cmg.Cmg;
import org.cmgseg.cmg.CmgTransform;
import org.cmgseg.data.SyntheticEm;
import org.cmgseg.data.SyntheticParameters;
import org.cmgseg.data.SyntheticVolume;
import org.cmgseg.segmentation.SegmentationOptions;
import org.cmgseg.segmentation.SegmentationPipeline;
import org.cmgseg.segmentation.SegmentationResult;
import org.cmgseg.segmentation.evaluate.ContingencyTable;
import org.cmgseg.segmentation.evaluate.CremiMetrics;
import org.cmgseg.segmentation.evaluate.CremiScores;
import org.cmgseg.testkit.StandardOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's library example is the body of {@link #example}: it compiles, it runs, and the two texts cannot drift apart. */
class ReadmeLibraryExampleTest {

    private static final String BEGIN = "        // README example begins\n";
    private static final String END = "        // README example ends\n";

    static void example(Path folder) throws IOException {
        // README example begins
        // a synthetic EM volume with ground truth; its affinities go to an N5 container
        SyntheticVolume volume = SyntheticEm.generate(SyntheticParameters.defaults().withGrid(new VoxelGrid(128, 128, 16)));
        DatasetInfo info = DatasetInfo.ofShape(new long[] {3, 16, 128, 128}, new int[] {1, 16, 64, 64}, DataType.FLOAT32,
                Compression.GZIP);
        try (Container n5 = Containers.openForWriting(folder.resolve("sample.n5"), Format.N5);
             DatasetWriter writer = n5.create("/affinities", info)) {
            Datasets.writeAll(writer, volume.affinities().values());
            writer.commit();
        }
        // read them back, soft-threshold them with CMG (mu 0.4, I 0.3, on [0, 1]) and agglomerate
        float[] affinities;
        try (Containers.OpenDataset input = Containers.open(DatasetAddress.parse(folder.resolve("sample.n5") + ":/affinities"))) {
            affinities = (float[]) input.dataset().readAll();
        }
        new CmgTransform(Cmg.unit(0.4, 0.3), 2).apply(affinities);
        RunContext context = RunContext.of(2, Progress.NONE); // threads, progress reports, cancellation
        SegmentationResult result = SegmentationPipeline.run(new AffinityGraph(volume.grid(), affinities),
                SegmentationOptions.of("median_aff_histograms", "bins:256", 0.3, 0.5), context);
        // score each threshold's segmentation against the ground truth
        for (int t = 0; t < result.thresholds().length; t++) {
            CremiScores scores = CremiMetrics.of(ContingencyTable.of(volume.labels(), result.segmentation(t), context));
            System.out.printf("threshold %s: %d segments, CREMI score %.3f%n", result.thresholds()[t], result.segmentCount(t),
                    scores.cremiScore());
        }
        // README example ends
    }

    @Test
    void theReadmeShowsTheExampleAsItIsHere() throws IOException {
        String source = Files.readString(Path.of("src/test/java/org/cmgseg/cli/ReadmeLibraryExampleTest.java"));
        String body = source.substring(source.indexOf(BEGIN) + BEGIN.length(), source.indexOf(END));
        String example = body.lines().map(line -> line.substring(Math.min(8, line.length()))).reduce("", (a, b) -> a + b + "\n");
        String readme = Files.readString(Path.of("../README.md"));
        assertTrue(readme.contains("```java\n" + example + "```\n"),
                "README.md's java block in the Library section must be, without its indentation, the example here:\n" + example);
    }

    @Test
    void theExampleRunsAndScoresEveryThreshold(@TempDir Path folder) throws Throwable {
        List<String> lines = StandardOutput.during(() -> example(folder)).lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("threshold 0\\.3: \\d+ segments, CREMI score \\d\\.\\d{3}"), lines.get(0));
        assertTrue(lines.get(1).startsWith("threshold 0.5: "), lines.get(1));
    }
}
