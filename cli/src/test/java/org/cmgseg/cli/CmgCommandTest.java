package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cmgseg.cmg.Cmg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CmgCommandTest {

    @Test
    void printsOneValuePerInputInFullPrecision() {
        CliRun run = CliRun.of("cmg", "--mu", "0.3", "--inflection", "0.6", "--xmin", "0.05", "--xmax", "0.95",
                "--x", "0.125,0.5,0.95,2");
        assertEquals(0, run.exitCode(), run.err());
        Cmg curve = new Cmg(0.3, 0.6, 0.05, 0.95, 0.05, 0.95);
        assertArrayEquals(new String[] {CFormat.g17(curve.value(0.125)), CFormat.g17(curve.value(0.5)),
                "0.94999999999999996", "0.94999999999999996"}, run.lines());
        assertEquals(0.089290129061297, Double.parseDouble(run.lines()[0]), 1e-15);
        assertEquals("", run.err());
    }

    @Test
    void negativeInputsAndDecreasingCurves() {
        CliRun run = CliRun.of("cmg", "--mu", "0.75", "-I", "0.5", "--xmin", "-2", "--xmax", "3", "--yl", "5",
                "--yr", "-1", "--x", "-1.5,-1");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(3.947731409260407, Double.parseDouble(run.lines()[0]), 1e-14);
        assertEquals(3.321579563149726, Double.parseDouble(run.lines()[1]), 1e-14);
    }

    @Test
    void derivativesAreFourColumns() {
        CliRun run = CliRun.of("cmg", "--mu", "0.8", "--inflection", "0.2", "--x", "0.3,0.7", "--derivatives");
        assertEquals(0, run.exitCode(), run.err());
        for (String line : run.lines()) {
            String[] columns = line.split(" ");
            assertEquals(4, columns.length, line);
            var d = Cmg.unit(0.8, 0.2).derivatives(Double.parseDouble(line.equals(run.lines()[0]) ? "0.3" : "0.7"));
            assertEquals(CFormat.g17(d.value()) + " " + CFormat.g17(d.dx()) + " " + CFormat.g17(d.dmu()) + " "
                    + CFormat.g17(d.dInflection()), line);
        }
    }

    @Test
    void jsonHoldsTheCurveAndThePoints() {
        CliRun run = CliRun.of("cmg", "--mu", "0.5", "--inflection", "0.5", "--x", "0.25", "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("{\"curve\": {\"mu\": 0.5, \"inflection\": 0.5, \"xmin\": 0, \"xmax\": 1, \"yl\": 0, \"yr\": 1, "
                + "\"phase\": \"linear\", \"mode\": \"exact\"}, \"points\": [{\"x\": 0.25, \"value\": 0.25}]}", run.out().strip());
        CliRun derivatives = CliRun.of("cmg", "--mu", "0.5", "--inflection", "0.5", "--x", "0.25", "--json", "--derivatives");
        assertTrue(derivatives.out().contains("\"value\": 0.25, \"d_dx\": 1, \"d_dmu\": "), derivatives.out());
        assertTrue(derivatives.out().contains("\"d_dI\": 0}"), derivatives.out());
    }

    @Test
    void lookup1000IsTheReferenceApproximation() {
        CliRun exact = CliRun.of("cmg", "--mu", "0.7", "--inflection", "0.4", "--x", "0.123");
        CliRun lookup = CliRun.of("cmg", "--mu", "0.7", "--inflection", "0.4", "--x", "0.123", "--mode", "lookup1000");
        assertEquals(0, lookup.exitCode(), lookup.err());
        double difference = Double.parseDouble(exact.out()) - Double.parseDouble(lookup.out());
        assertTrue(difference != 0 && Math.abs(difference) < 5.1e-4, "difference " + difference);
        // the reference's grid values are multiples of 1/999
        double grid = Double.parseDouble(lookup.out()) * 999;
        assertEquals(Math.rint(grid), grid, 1e-9);
    }

    @Test
    void plotWritesAPngAndNothingElse(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("curves.png");
        CliRun run = CliRun.of("cmg", "--mu", "0.4", "--inflection", "0.3", "--plot", png.toString());
        assertEquals(0, run.exitCode(), run.err());
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 10_000, "PNG of " + bytes.length + " bytes");
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(bytes, 4));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void anExistingPlotIsReplacedOnlyWithOverwrite(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("curves.png");
        Files.writeString(png, "an earlier file");
        CliRun.assertUserError("cmg --mu 0.4 --inflection 0.3 --plot " + png + "|" + png + " exists; give --overwrite to replace it");
        assertEquals("an earlier file", Files.readString(png));
        CliRun run = CliRun.of("cmg", "--mu", "0.4", "--inflection", "0.3", "--plot", png.toString(), "--overwrite");
        assertEquals(0, run.exitCode(), run.err());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(Files.readAllBytes(png), 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "cmg --mu abc --inflection 0.5 --x 0.1|'abc' is not a double",
        "cmg --mu 1.5 --inflection 0.5 --x 0.1|mu must be in [0, 1], got 1.5",
        "cmg --mu 0.5 --inflection -0.1 --x 0.1|inflection I must be in [0, 1]",
        "cmg --mu 0.5 --inflection 0.5 --xmin 1 --xmax 1 --x 0.1|xmin must be less than xmax",
        "cmg --mu 0.5 --inflection 0.5 --x 0.1,zz|'zz' is not a double",
        "cmg --inflection 0.5 --x 0.1|Missing required option: '--mu=<mu>'",
        "cmg --mu 0.5 --inflection 0.5|nothing to do",
        "cmg --mu 0.5 --inflection 0.5 --x 0.1 --mode fast|--mode must be exact or lookup1000",
        "cmg --mu 0.7 --inflection 0.5 --x 0.1 --mode lookup1000 --derivatives|--derivatives needs --mode exact",
        "cmg --mu 0.5 --inflection 0.5 --plot /nonexistent-folder/x.png|folder /nonexistent-folder does not exist"})
    void userErrorsPrintOneLineAndExitWith2(String argsAndMessage) {
        CliRun.assertUserError(argsAndMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "cmg", "activation", "demo", "bench", "bench cmg"})
    void everyCommandHasHelp(String command) {
        String[] args = (command + " --help").strip().split(" ");
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Usage: cmgseg"), run.out());
    }
}
