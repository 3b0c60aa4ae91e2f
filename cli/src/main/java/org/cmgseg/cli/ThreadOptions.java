package org.cmgseg.cli;

import org.cmgseg.core.Parallel;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import picocli.CommandLine.Option;

/** The --threads option of the commands that take one thread count. */
final class ThreadOptions {

    @Option(names = "--threads", description = "Threads (default: all processors).")
    Integer threads;

    int threads() {
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        return threads == null ? Parallel.availableThreads() : threads;
    }

    /** The command's one run context: these threads, this progress printer, cancelled by Ctrl-C. */
    RunContext context(Progress progress) {
        return RunningCommand.start(threads(), progress);
    }
}
