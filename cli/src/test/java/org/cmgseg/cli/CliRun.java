package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of the command line: exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(args);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * Runs "ARGS|MESSAGE" and checks the contract for user errors: exit code 2, nothing on standard
     * output, one line on standard error containing MESSAGE, no stack trace.
     */
    static void assertUserError(String argsAndMessage) {
        String[] parts = argsAndMessage.split("\\|");
        CliRun run = of(parts[0].split(" "));
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals(1, run.err().strip().split("\n").length, run.err());
        assertTrue(run.err().contains(parts[1]), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    String[] lines() {
        return out.strip().split("\n");
    }
}
