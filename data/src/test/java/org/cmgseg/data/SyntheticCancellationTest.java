package org.cmgseg.data;

import java.util.concurrent.atomic.AtomicReference;
import org.cmgseg.core.Cancelled;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.testkit.Cancellation;
import org.junit.jupiter.api.Test;

/** Generating a synthetic volume stops between parts of its passes once the run is cancelled. */
class SyntheticCancellationTest {

    @Test
    void generationStopsSoonAfterTheCancel() throws InterruptedException {
        AtomicReference<RunContext> context = new AtomicReference<>();
        Cancellation.Trigger trigger = new Cancellation.Trigger(1, () -> context.get().cancel());
        context.set(RunContext.of(2, (task, done, total) -> trigger.report()));
        SyntheticParameters parameters = SyntheticParameters.defaults().withGrid(new VoxelGrid(128, 128, 16));
        Cancellation.assertStops(Cancelled.class, trigger, () -> SyntheticEm.generate(parameters, context.get()));
    }
}
