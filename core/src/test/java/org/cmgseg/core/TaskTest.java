package org.cmgseg.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskTest {

    @Test
    void reportsTheStartTheEndAndAtMostFiveTimesASecondBetween() throws InterruptedException {
        List<long[]> reports = Collections.synchronizedList(new ArrayList<>());
        RunContext context = RunContext.of(1, (name, done, total) -> reports.add(new long[] {done, total, System.nanoTime()}));
        int steps = 600;
        long start = System.nanoTime();
        Task task = context.task("work", steps);
        for (int i = 0; i < steps; i++) {
            task.advance(1);
            Thread.sleep(1);
        }
        long elapsed = System.nanoTime() - start;
        assertEquals(0, reports.get(0)[0], "the first report says nothing is done yet");
        long[] last = reports.get(reports.size() - 1);
        assertEquals(steps, last[0], "the last report says all is done");
        assertEquals(steps, last[1]);
        // the reports in between are throttled to one per REPORT_NANOS of the task's clock; a report is recorded a little
        // after that clock was read, so single gaps may look shorter, but not their number over the whole run
        long between = reports.size() - 2;
        assertTrue(between <= elapsed / Task.REPORT_NANOS + 1, between + " reports in between over " + elapsed / 1_000_000 + " ms");
        assertTrue(reports.size() >= 3, "more than 0.6 s of work was reported in between: " + reports.size() + " reports");
    }

    @Test
    void advanceStopsTheWorkOnceTheContextIsCancelled() {
        RunContext context = RunContext.sequential();
        Task task = context.task("work", 10);
        task.advance(1);
        context.cancel();
        assertThrows(Cancelled.class, () -> task.advance(1));
        assertThrows(Cancelled.class, () -> context.task("next", 10), "no new step starts either");
    }

    @Test
    void aSequentialLoopAdvancesEveryStrideAndByTheRestAtItsEnd() {
        Task task = RunContext.sequential().task("loop", 3 * Task.STRIDE + 5);
        for (int i = 0; i < 3 * Task.STRIDE + 5; i++) {
            task.step(i);
            if (i == Task.STRIDE - 2) {
                assertEquals(0, task.done());
            }
        }
        assertEquals(3L * Task.STRIDE, task.done());
        task.stepped(3 * Task.STRIDE + 5);
        assertEquals(3L * Task.STRIDE + 5, task.done());
    }
}
