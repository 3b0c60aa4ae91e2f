package org.cmgseg.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import sun.misc.Signal;

/**
 * The run context of the command this JVM runs, and what Ctrl-C does to it: SIGINT cancels the context,
 * so that its workers stop and the command unwinds through its cleanup (its partial outputs removed),
 * then exits with {@link #EXIT_CODE} saying "cancelled". A second Ctrl-C, or a command still running
 * {@link #GRACE_MILLIS} ms after the first, exits at once; the shutdown hooks then remove partial writes.
 */
final class RunningCommand {

    /** The exit code of a command stopped by Ctrl-C, as a shell reports a process killed by SIGINT. */
    static final int EXIT_CODE = 130;
    static final String MESSAGE = "cancelled";

    private static final long GRACE_MILLIS = 10_000;
    private static final AtomicReference<RunContext> CURRENT = new AtomicReference<>();
    private static final AtomicBoolean INTERRUPTED = new AtomicBoolean();

    private RunningCommand() {
    }

    /** The one run context of a command: its threads and its progress printer, cancelled by Ctrl-C. */
    static RunContext start(int threads, Progress progress) {
        RunContext context = RunContext.of(threads, progress);
        CURRENT.set(context);
        return context;
    }

    /** Makes Ctrl-C cancel the running command's context (once per JVM, before the command runs). */
    static void cancelOnCtrlC(PrintStream err) {
        Signal.handle(new Signal("INT"), signal -> {
            RunContext running = CURRENT.get();
            if (running == null || !INTERRUPTED.compareAndSet(false, true)) {
                exit(err);
            }
            running.cancel();
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(GRACE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                exit(err);
            }, "cmgseg-cancel-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        });
    }

    private static void exit(PrintStream err) {
        err.println(MESSAGE);
        err.flush();
        System.exit(EXIT_CODE);
    }
}
