package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cmgseg.affinities.io.codec.Deflate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoAndBenchTest {

    /** The whole demo; its printed scores are checked against an independent evaluation of what it wrote. */
    @Test
    void demoRunsThePapersExperiment(@TempDir Path dir) throws IOException {
        Path output = dir.resolve("demo");
        CliRun run = CliRun.of("demo", "--output", output.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.size(output.resolve("cmg_curves.png")) > 10_000);
        List<String> table = Files.readAllLines(output.resolve("cmg_values.tsv"));
        assertEquals(22, table.size());
        assertTrue(table.get(0).startsWith("x\tmu=0.4,I=0.3\tmu=0.1,I=0.5"), table.get(0));

        String row = run.out().lines().filter(line -> line.trim().startsWith("0.3 ")).findFirst().orElseThrow();
        String[] cells = row.trim().split(" +");
        String data = output.resolve("synthetic.n5") + ":/labels";
        for (String[] variant : new String[][] {{"original", cells[2]}, {"cmg_mu0.4_I0.3", cells[4]}}) {
            CliRun score = CliRun.of("evaluate", "--segmentation", output.resolve("segmentation.n5") + ":/" + variant[0] + "/0.3",
                    "--groundtruth", data, "--json");
            assertEquals(0, score.exitCode(), score.err());
            double cremi = JsonParser.parseString(score.out()).getAsJsonObject().get("cremi_score").getAsDouble();
            assertEquals(Double.parseDouble(variant[1]), cremi, 5e-5, variant[0]);
        }

        List<String> results = Files.readAllLines(output.resolve("gridsearch/results.csv"));
        assertEquals(1 + 17 * 5 * 9, results.size(), "a header and 16 curves and the baseline x 5 merge functions x 9 thresholds");
        for (String file : new String[] {"best.json", "cremi-heatmap.png", "cremi-vs-mu.png", "cremi-vs-threshold.png"}) {
            assertTrue(Files.size(output.resolve("gridsearch").resolve(file)) > 100, file);
        }
        assertTrue(run.out().contains("relative improvement of the CREMI score"), run.out());
    }

    @Test
    void benchPrintsOneRowPerCurveAndThreadCount() {
        CliRun run = CliRun.of("bench", "cmg", "--in-process", "--curves", "0.4:0.3,0.7:0.5", "--size", "100000",
                "--repeats", "2", "--threads", "1,2");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(4, run.lines().length, run.out());
        assertTrue(run.lines()[0].contains("logistic"), run.out());
        assertTrue(run.lines()[3].contains("logit"), run.out());
    }

    /** One line of key=value fields; the thread count must not change fragments, edges or merges. */
    @Test
    void benchSegmentPrintsOneParsableLinePerRun() {
        Map<String, String> one = benchFields("bench", "segment", "--size", "8,96,96", "--merge-function", "mean", "--threads", "1",
                "--thresholds", "0.3,0.6");
        Map<String, String> two = benchFields("bench", "segment", "--size", "8,96,96", "--merge-function", "mean", "--threads", "2",
                "--thresholds", "0.3,0.6");
        assertEquals("1", one.get("threads"));
        assertEquals("2", two.get("threads"));
        for (String key : new String[] {"fragments", "edges", "merges", "voxels"}) {
            assertEquals(one.get(key), two.get(key), key);
        }
        assertEquals("73728", one.get("voxels"));
        assertEquals("synthetic:8,96,96", one.get("input"), "the temporary container is not named: it is gone when the line is read");
        for (Map<String, String> run : List.of(one, two)) {
            double wall = Double.parseDouble(run.get("wall_s"));
            assertTrue(wall >= Double.parseDouble(run.get("total_s")), "the child's wall time includes the run: " + run);
            assertTrue(Long.parseLong(run.get("peak_rss_mb")) > 0, run.toString());
        }
    }

    @Test
    void benchEvaluateOfFilesTimesOneWholeEvaluation(@TempDir Path dir) {
        assertEquals(0, CliRun.of("synthesize", "--output", dir.resolve("syn.h5") + ":/v", "--size", "4,48,48").exitCode());
        String gt = dir.resolve("syn.h5") + ":/v/labels";
        Map<String, String> fields = benchFields("bench", "evaluate", "--segmentation", gt, "--groundtruth", gt, "--threads", "2");
        assertTrue(Double.parseDouble(fields.get("wall_s")) > 0 && Long.parseLong(fields.get("peak_rss_mb")) > 0, fields.toString());
        assertEquals("2", fields.get("threads"));
        assertEquals(0, Double.parseDouble(fields.get("cremi_score")), fields.toString());
        assertEquals(0, Double.parseDouble(fields.get("voi_split")), fields.toString());
        CliRun half = CliRun.of("bench", "evaluate", "--segmentation", gt);
        assertEquals(2, half.exitCode(), half.err());

        // the border mask is passed on: the scores are those of evaluate with it, which differ from those without
        assertEquals(0, CliRun.of("synthesize", "--output", dir.resolve("other.h5") + ":/v", "--size", "4,48,48", "--seed", "2").exitCode());
        String seg = dir.resolve("other.h5") + ":/v/labels";
        List<String> mask = List.of("--border-threshold", "25", "--resolution", "40,4,4");
        List<String> bench = new java.util.ArrayList<>(List.of("bench", "evaluate", "--segmentation", seg, "--groundtruth", gt, "--threads", "2"));
        bench.addAll(mask);
        Map<String, String> masked = benchFields(bench.toArray(String[]::new));
        List<String> evaluate = new java.util.ArrayList<>(List.of("evaluate", "--segmentation", seg, "--groundtruth", gt, "--json"));
        var unmasked = jsonScores(CliRun.of(evaluate.toArray(String[]::new)));
        evaluate.addAll(mask);
        var expected = jsonScores(CliRun.of(evaluate.toArray(String[]::new)));
        for (String key : List.of("voi_split", "voi_merge", "adapted_rand", "cremi_score")) {
            assertEquals(expected.get(key).getAsString(), masked.get(key), key);
        }
        assertTrue(!expected.get("voi_split").equals(unmasked.get("voi_split")), expected + " against " + unmasked);
    }

    private static com.google.gson.JsonObject jsonScores(CliRun run) {
        assertEquals(0, run.exitCode(), run.err());
        return com.google.gson.JsonParser.parseString(run.lines()[run.lines().length - 1]).getAsJsonObject();
    }

    /** The run's only line of output as its key=value fields (values hold no spaces). */
    private static Map<String, String> benchFields(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, run.lines().length, run.out());
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String field : run.lines()[0].split(" ")) {
            int equals = field.indexOf('=');
            assertTrue(equals > 0, "not key=value: " + field + " in " + run.out());
            fields.put(field.substring(0, equals), field.substring(equals + 1));
        }
        return fields;
    }

    @Test
    void benchIoOfAnInputReadsItAsSegmentAndEvaluateDo(@TempDir Path dir) {
        // chunks 2 slices deep: the affinities come in two slabs, through the slab buffers segment reuses
        assertEquals(0, CliRun.of("synthesize", "--output", dir.resolve("syn.h5") + ":/v", "--size", "4,48,48", "--block-size", "2,48,48",
                "--compression", "gzip").exitCode());
        Map<String, String> affinities = benchFields("bench", "io", "--input", dir.resolve("syn.h5") + ":/v/affinities", "--threads", "2");
        assertEquals("affinity-slabs", affinities.get("read_as"), affinities.toString());
        assertEquals("2", affinities.get("threads"));
        assertTrue(affinities.get("storage").startsWith("gzip"), affinities.toString());
        assertEquals(Deflate.inflater(), affinities.get("inflater"), "the decompressor that ran is named");
        Map<String, String> labels = benchFields("bench", "io", "--input", dir.resolve("syn.h5") + ":/v/labels", "--threads", "2");
        assertEquals("labels", labels.get("read_as"), labels.toString());
    }

    /** The whole table: every format and compression written and read, then transform's memory with both heaps. */
    @Test
    void benchIoReportsEveryFormatAndBothTransformRuns(@TempDir Path dir) {
        CliRun run = CliRun.of("bench", "io", "--size", "4,32,32", "--block-size", "2,16,16", "--threads", "2", "--folder", dir.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        for (String row : List.of("N5     raw", "N5     gzip", "HDF5   raw", "HDF5   gzip", "cmgseg transform (default heap)",
                "cmgseg transform (-Xmx256m)")) {
            assertTrue(run.out().contains(row), row + " in " + run.out());
        }
    }

    @Test
    void benchEvaluateReportsEveryStage() {
        CliRun run = CliRun.of("bench", "evaluate", "--size", "4,64,64", "--repeats", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("contingency table"), run.out());
        assertTrue(run.out().contains("border mask, 25 nm"), run.out());
        assertTrue(run.out().contains("x faster"), run.out());
    }
}
