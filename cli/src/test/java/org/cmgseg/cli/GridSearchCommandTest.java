package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.Datasets;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.core.RunContext;
import org.cmgseg.segmentation.evaluate.ContingencyTable;
import org.cmgseg.segmentation.evaluate.CremiMetrics;
import org.cmgseg.segmentation.evaluate.CremiScores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** cmgseg gridsearch end to end on a small synthetic volume: its files, resuming, thread independence and bad input. */
class GridSearchCommandTest {

    /** 5 curves (the baseline and 2 x 2 CMG) x 2 merge functions x 4 thresholds. */
    private static final String[] GRID = {"--mu", "0.3,0.7", "--inflection", "0.4:0.6:0.2", "--merge-functions",
        "median_aff_histograms,max_10", "--thresholds", "0.2:0.8:0.2"};
    private static final int ROWS_PER_CURVE = 8;
    private static final int ROWS = 5 * ROWS_PER_CURVE;

    @TempDir
    static Path dir;

    private static CliRun first;

    @BeforeAll
    static void synthesizeAndSearch() throws IOException {
        CliRun run = CliRun.of("synthesize", "--output", syn("v"), "--size", "8,48,56", "--seed", "2");
        assertEquals(0, run.exitCode(), run.err());
        run = CliRun.of("synthesize", "--output", syn("small"), "--size", "8,40,56", "--seed", "2");
        assertEquals(0, run.exitCode(), run.err());
        long[] labels = (long[]) read(syn("v/labels"));
        writeLabels("bare", labels);
        writeLabels("empty", new long[labels.length]);
        first = search("run", "--threads", "2", "--save-best", dir.resolve("best.n5") + ":/segmentation");
    }

    private static String syn(String dataset) {
        return dir.resolve("syn.n5") + ":/" + dataset;
    }

    private static Object read(String address) throws IOException {
        try (var open = Containers.open(DatasetAddress.parse(address))) {
            return open.dataset().readAll();
        }
    }

    /** Labels of the synthetic volume's shape, without attributes. */
    private static void writeLabels(String name, long[] labels) throws IOException {
        try (Container c = Containers.openForWriting(dir.resolve("syn.n5"), Format.N5);
             DatasetWriter w = c.create("/" + name, new DatasetInfo(new long[] {56, 48, 8}, new int[] {56, 48, 8}, DataType.UINT64,
                     Compression.RAW))) {
            Datasets.writeAll(w, labels);
            w.commit();
        }
    }

    private static CliRun search(String folder, String... more) {
        List<String> args = new ArrayList<>(List.of("gridsearch", "--affinities", syn("v/affinities"), "--groundtruth", syn("v/labels"),
                "--output", dir.resolve(folder).toString()));
        args.addAll(List.of(GRID));
        args.addAll(List.of(more));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    private static String file(String folder, String name) throws IOException {
        return Files.readString(dir.resolve(folder).resolve(name));
    }

    private static JsonObject json(String folder, String name) throws IOException {
        return JsonParser.parseString(file(folder, name)).getAsJsonObject();
    }

    @Test
    void writesEveryRowTheBestOfEachThePlotsAndTheBestSegmentation() throws IOException {
        List<String> lines = file("run", "results.csv").lines().toList();
        assertEquals("mu,I,merge_function,queue,threshold,voi_split,voi_merge,adapted_rand,cremi_score,n_segments", lines.get(0));
        assertEquals(1 + ROWS, lines.size());
        assertTrue(lines.get(1).startsWith(",,median_aff_histograms,bins:256,0.2,"), lines.get(1));
        assertTrue(lines.get(ROWS).startsWith("0.7,0.6,max_10,bins:256,0.8,"), lines.get(ROWS));
        String[] bestBaseline = null;
        String[] bestCmg = null;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            boolean baseline = f[0].isEmpty();
            String[] best = baseline ? bestBaseline : bestCmg;
            if (best == null || Double.parseDouble(f[8]) < Double.parseDouble(best[8])) {
                if (baseline) {
                    bestBaseline = f;
                } else {
                    bestCmg = f;
                }
            }
        }
        JsonObject best = json("run", "best.json");
        assertRow(bestBaseline, best.getAsJsonObject("baseline"));
        assertRow(bestCmg, best.getAsJsonObject("cmg"));
        double b = Double.parseDouble(bestBaseline[8]);
        assertEquals((b - Double.parseDouble(bestCmg[8])) / b, best.get("relative_improvement").getAsDouble(), 0);
        for (String png : List.of("cremi-heatmap.png", "cremi-vs-mu.png", "cremi-vs-threshold.png")) {
            assertTrue(Files.size(dir.resolve("run").resolve(png)) > 10_000, png);
        }
        assertTrue(first.out().contains("relative improvement of the CREMI score"), first.out());

        String[] overall = Double.parseDouble(bestCmg[8]) < b ? bestCmg : bestBaseline;
        long[] saved = (long[]) read(dir.resolve("best.n5") + ":/segmentation");
        CremiScores scores = CremiMetrics.of(ContingencyTable.of((long[]) read(syn("v/labels")), saved, RunContext.sequential()));
        assertEquals(Double.parseDouble(overall[8]), scores.cremiScore(), 1e-9, "the saved segmentation is the best row's");
        assertEquals(Long.parseLong(overall[9]), Arrays.stream(saved).distinct().filter(l -> l != 0).count());
    }

    private static void assertRow(String[] fields, JsonObject row) {
        if (!fields[0].isEmpty()) {
            assertEquals(Double.parseDouble(fields[0]), row.get("mu").getAsDouble());
            assertEquals(Double.parseDouble(fields[1]), row.get("I").getAsDouble());
        }
        assertEquals(fields[2], row.get("merge_function").getAsString());
        assertEquals(Double.parseDouble(fields[4]), row.get("threshold").getAsDouble());
        assertEquals(Double.parseDouble(fields[8]), row.get("cremi_score").getAsDouble());
        assertEquals(Long.parseLong(fields[9]), row.get("n_segments").getAsLong());
    }

    @Test
    void theFilesDoNotDependOnTheThreadCount() throws IOException {
        search("one-thread", "--threads", "1");
        assertEquals(file("run", "results.csv"), file("one-thread", "results.csv"));
        assertEquals(file("run", "best.json"), file("one-thread", "best.json"));
    }

    @Test
    void anInterruptedRunResumesWithoutRecomputingFinishedCurvesAndEndsAsAnUninterruptedOne() throws IOException {
        List<String> lines = file("run", "results.csv").lines().toList();
        String baseline = String.join("\n", lines.subList(0, 1 + ROWS_PER_CURVE)) + "\n";
        String cutOff = lines.get(1 + ROWS_PER_CURVE).substring(0, 20);

        Files.createDirectories(dir.resolve("resumed"));
        Files.writeString(dir.resolve("resumed/gridsearch.json"), file("run", "gridsearch.json"));
        Files.writeString(dir.resolve("resumed/results.csv"), baseline + cutOff);
        CliRun resumed = search("resumed", "--threads", "2");
        assertTrue(resumed.out().contains("resuming: 1 curves already done"), resumed.out());
        assertEquals(file("run", "results.csv"), file("resumed", "results.csv"));
        assertEquals(file("run", "best.json"), file("resumed", "best.json"));

        // a finished curve is kept as it is, not computed again
        Files.createDirectories(dir.resolve("marked"));
        Files.writeString(dir.resolve("marked/gridsearch.json"), file("run", "gridsearch.json"));
        String marked = lines.get(1).substring(0, lines.get(1).lastIndexOf(',') + 1) + "123456";
        Files.writeString(dir.resolve("marked/results.csv"), baseline.replace(lines.get(1), marked));
        search("marked");
        assertTrue(file("marked", "results.csv").contains(marked + "\n"));
    }

    @Test
    void aFolderOfOtherParametersIsNotResumed() {
        CliRun.assertUserError("gridsearch --affinities " + syn("v/affinities") + " --groundtruth " + syn("v/labels") + " --output "
                + dir.resolve("run") + " --thresholds 0.5|is a run with other parameters (");
        CliRun.assertUserError("gridsearch --affinities " + syn("v/affinities") + " --groundtruth " + syn("v/labels") + " --output "
                + dir.resolve("run") + " " + String.join(" ", GRID).replace("0.2:0.8:0.2", "0.2:0.8:0.3")
                + "|is a run with other parameters (thresholds [0.2,0.4,0.6,0.8] there, [0.2,0.5,0.8] now)");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--groundtruth SMALL|has shape (8, 40, 56) but the affinities have (z, y, x) = (8, 48, 56)",
        "--groundtruth EMPTY|has no labelled voxel",
        "--groundtruth BARE --border-threshold 25|--border-threshold needs the voxel size",
        "--groundtruth BARE --border-threshold 1000 --resolution 40,4,4|has no labelled voxel left by the 1000.0 nm border mask",
        "--groundtruth LABELS --mu 0.9:0.1:0.1|--mu: the range '0.9:0.1:0.1' is empty",
        "--groundtruth LABELS --thresholds 0.5:0.9:0|must be positive",
        "--groundtruth LABELS --inflection 1.5|I values must be in [0, 1], got 1.5",
        "--groundtruth LABELS --merge-functions median_aff,nope|unknown merge function 'nope'",
        "--groundtruth LABELS --affinities AFFS_AS_LABELS|labels is uint64; affinities and boundary maps are float32",
        "--groundtruth LABELS --fragments-per-curve --fragments LABELS|must be a watershed"})
    void badInputIsOneLineAndExitCodeTwoAndWritesNothing(String argsAndMessage) {
        String args = argsAndMessage.replace("SMALL", syn("small/labels")).replace("EMPTY", syn("empty")).replace("BARE", syn("bare"))
                .replace("AFFS_AS_LABELS", syn("v/labels")).replace("LABELS", syn("v/labels"));
        String affinities = args.contains("--affinities") ? "" : "--affinities " + syn("v/affinities") + " ";
        CliRun.assertUserError("gridsearch " + affinities + "--output " + dir.resolve("bad") + " " + args);
        assertFalse(Files.exists(dir.resolve("bad")), "nothing written");
    }
}
