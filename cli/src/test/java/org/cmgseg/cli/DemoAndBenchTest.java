package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** Each run in its own JVM; the thread count must not change fragments, edges or merges. */
    @Test
    void benchSegmentPrintsOneRowPerMergeFunctionAndThreadCount() {
        CliRun run = CliRun.of("bench", "segment", "--size", "8,96,96", "--merge-function", "mean,85_aff", "--threads", "1,2",
                "--thresholds", "0.3,0.6");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.lines();
        assertEquals(6, lines.length, run.out());
        // the synthetic volume's temporary container is deleted at the end, so its path is not printed
        assertTrue(lines[0].startsWith("synthetic affinities (z, y, x) = (8, 96, 96), "), run.out());
        assertFalse(run.out().contains("cmgseg-bench-segment"), run.out());
        assertTrue(lines[1].startsWith("merge function"), run.out());
        for (int row = 2; row < 6; row += 2) {
            String[] one = lines[row].trim().split(" +");
            String[] two = lines[row + 1].trim().split(" +");
            assertEquals("1", one[1]);
            assertEquals("2", two[1]);
            assertEquals(List.of(one).subList(one.length - 3, one.length), List.of(two).subList(two.length - 3, two.length), run.out());
        }
        assertTrue(lines[4].startsWith("quantile:85:maxinit"), run.out());
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
