package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoAndBenchTest {

    @Test
    void demoWritesThePlotAndTheTable(@TempDir Path dir) throws IOException {
        Path output = dir.resolve("demo");
        CliRun run = CliRun.of("demo", "--output", output.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.size(output.resolve("cmg_curves.png")) > 10_000);
        List<String> table = Files.readAllLines(output.resolve("cmg_values.tsv"));
        assertEquals(22, table.size());
        assertTrue(table.get(0).startsWith("x\tmu=0.4,I=0.3\tmu=0.1,I=0.5"), table.get(0));
        assertTrue(run.out().contains(output.resolve("cmg_curves.png").toAbsolutePath().toString()), run.out());
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
}
