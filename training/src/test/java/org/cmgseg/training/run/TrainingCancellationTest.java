package org.cmgseg.training.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.cmgseg.core.Cancelled;
import org.cmgseg.core.RunContext;
import org.cmgseg.testkit.Cancellation;
import org.junit.jupiter.api.Test;

/** A training epoch stops after the mini-batch during which its run was cancelled, and counts as not done. */
class TrainingCancellationTest {

    @Test
    void anEpochStopsBetweenMiniBatches() throws Exception {
        AtomicReference<RunContext> context = new AtomicReference<>();
        Cancellation.Trigger trigger = new Cancellation.Trigger(1, () -> context.get().cancel());
        context.set(RunContext.of(1, (task, done, total) -> trigger.report()));
        AtomicInteger completed = new AtomicInteger(-1);
        // PyTorch keeps its gradient mode per thread, which the engine sets on the thread that starts it: train on this one
        Cancellation.assertStopsOnThisThread(Cancelled.class, trigger, () -> {
            try (TrainingRun run = new TrainingRun(TinyRuns.config().build(), TinyRuns.DATA)) {
                try {
                    return run.trainEpoch(context.get(), TrainingListener.NONE);
                } finally {
                    completed.set(run.completedEpochs());
                }
            }
        });
        assertEquals(0, completed.get());
    }
}
