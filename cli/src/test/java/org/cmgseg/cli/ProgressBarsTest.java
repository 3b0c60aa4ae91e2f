package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain progress lines (no terminal) come on a clock, not only when the work reports progress. */
class ProgressBarsTest {

    private static final long MILLIS = 1_000_000;

    @Test
    void aQuietTaskIsStillReportedEveryIntervalAndOnceWhenDone() throws InterruptedException {
        StringWriter err = new StringWriter();
        try (ProgressBars progress = new ProgressBars(new PrintWriter(err, true), false, 20 * MILLIS, 100 * MILLIS)) {
            progress.update("graph", 0, 8);
            progress.update("graph", 2, 8);
            Thread.sleep(450); // no update: the task is busy
            progress.update("graph", 8, 8);
            progress.update("short", 1, 1);
        }
        List<String> lines = err.toString().strip().lines().toList();
        assertTrue(lines.size() >= 4, "one after the delay, then one per interval, one at the end: " + lines);
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertTrue(line.matches("graph: 2/8 \\(25 %\\), 0:0\\d elapsed, about 0:0\\d remaining"), line);
        }
        assertTrue(lines.get(lines.size() - 1).matches("graph: 8/8 done in 0:0\\d"), "a task done before the delay prints nothing: " + lines);
    }

    @Test
    void theOutOfMemoryMessageNamesTheTaskOfTheCommandsOwnPrinter() {
        PrintWriter first = new PrintWriter(new StringWriter());
        PrintWriter second = new PrintWriter(new StringWriter());
        try (ProgressBars convert = new ProgressBars(first, false, MILLIS, MILLIS);
             ProgressBars segment = new ProgressBars(second, false, MILLIS, MILLIS)) {
            convert.update("convert", 1, 4);
            segment.update("agglomerate", 1, 4);
        }
        assertTrue(OutOfMemory.message(null, first).startsWith("cmgseg: out of memory during convert with"), OutOfMemory.message(null, first));
        assertTrue(OutOfMemory.message(null, second).startsWith("cmgseg: out of memory during agglomerate with"),
                OutOfMemory.message(null, second));
        assertTrue(OutOfMemory.message(null, new PrintWriter(new StringWriter())).startsWith("cmgseg: out of memory with"),
                "a command that reported no task names none");
    }

    @Test
    void clockReadsMinutesAndHours() {
        assertEquals("0:07", ProgressBars.clock(7_400 * MILLIS));
        assertEquals("12:05", ProgressBars.clock(725_000 * MILLIS));
        assertEquals("1:02:03", ProgressBars.clock(3_723_000 * MILLIS));
    }
}
