package org.cmgseg.fiji;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.cmgseg.core.Cancelled;
import org.cmgseg.core.Parallel;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;

/**
 * A SciJava command over the library: its work runs with a {@link RunContext} that {@link #cancel(String)} and an
 * interrupt of its thread both cancel, reports progress to SciJava's status, and fails on bad input with one
 * {@link IllegalArgumentException} whose message names the problem (no chain of causes to dig through).
 */
abstract class LibraryCommand extends ContextCommand {

    @Parameter(required = false)
    private StatusService status;

    @Parameter(required = false)
    private LogService log;

    private final RunContext context = RunContext.of(Parallel.availableThreads(), new StatusProgress());

    /** The command's work, with the context every library call gets. */
    abstract void run(RunContext context) throws IOException;

    @Override
    public final void run() {
        try {
            run(context);
        } catch (Cancelled e) {
            if (!isCanceled()) {
                cancel("cancelled");
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @Override
    public void cancel(String reason) {
        super.cancel(reason);
        context.cancel();
    }

    /** The library's progress in SciJava's status bar (Fiji's, when it runs there), its warnings in the log. */
    private final class StatusProgress implements Progress {

        @Override
        public void update(String task, long done, long total) {
            if (status != null) {
                status.showStatus((int) (total == 0 ? 1000 : 1000 * done / total), 1000, task);
            }
        }

        @Override
        public void warning(String message) {
            if (log != null) {
                log.warn("cmgseg: " + message);
            }
        }
    }
}
