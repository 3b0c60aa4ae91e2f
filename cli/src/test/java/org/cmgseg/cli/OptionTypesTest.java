package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Merge functions, queues and fragment methods are read into types as the command line is parsed: a bad
 * value is a usage error (exit 2, one line) that names the option and the value and points to the help.
 */
class OptionTypesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "segment --merge-function median|segment|--merge-function|unknown merge function 'median'; known: mean, max, min",
        "segment --merge-function top:0|segment|--merge-function|merge function 'top:0': K must be a positive whole number",
        "segment --queue fifo|segment|--queue|unknown queue 'fifo'; known: exact",
        "segment --queue bins:0|segment|--queue|unknown queue 'bins:0'",
        "segment --fragments watershed|segment|--fragments|unknown fragment method 'watershed'; known: waterz",
        "segment --fragments waterz:low=2:high=3|segment|--fragments|the watershed thresholds are numbers in [0, 1], got '2'",
        "segment --fragments x.png:/labels|segment|--fragments|x.png",
        "gridsearch --queue bins:x|gridsearch|--queue|unknown queue 'bins:x'",
        "gridsearch --fragments distance4d|gridsearch|--fragments|unknown fragment method 'distance4d'",
        "bench segment --merge-function nope|bench segment|--merge-function|unknown merge function 'nope'"})
    void aBadValueIsAUsageErrorNamingTheOptionAndTheValue(String args, String command, String option, String message) {
        String[] words = (args + " --affinities a.n5:/affinities --output o.n5:/s --thresholds 0.5 --groundtruth a.n5:/gt").split(" ");
        CliRun run = CliRun.of(words);
        assertEquals(Main.USER_ERROR, run.exitCode(), run.err());
        assertEquals("", run.out());
        String name = command.substring(command.lastIndexOf(' ') + 1);
        String line = run.err().strip();
        String expectedStart = name + ": Invalid value for option '" + option + "': ";
        assertEquals(expectedStart, line.substring(0, Math.min(line.length(), expectedStart.length())), line);
        assertEquals(true, line.contains(message), line);
        assertEquals(true, line.endsWith(" (see 'cmgseg " + command + " --help')"), line);
        assertEquals(1, run.err().strip().split("\n").length, run.err());
    }
}
