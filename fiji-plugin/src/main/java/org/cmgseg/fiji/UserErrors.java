package org.cmgseg.fiji;

import ij.IJ;
import ij.Macro;
import ij.macro.Interpreter;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.cmgseg.core.Cancelled;

/**
 * Runs a command's work and turns what goes wrong into one message naming the problem, never a stack trace:
 * a message dialog, or, when a macro runs the command, the log and a macro error that stops the macro.
 */
final class UserErrors {

    /** A command's work; it may fail with a message for the user. */
    @FunctionalInterface
    interface Work {
        void run() throws IOException;
    }

    private UserErrors() {
    }

    static void run(String command, Work work) {
        run(command, "nothing was kept", work);
    }

    /** As {@link #run(String, Work)}, for work that keeps part of what it did when cancelled: {@code kept} says what. */
    static void run(String command, String kept, Work work) {
        try {
            work.run();
        } catch (Cancelled e) {
            cancelled(command, kept);
        } catch (IllegalArgumentException | IllegalStateException | IOException | UncheckedIOException e) {
            report(command, e.getMessage());
        } catch (OutOfMemoryError e) {
            report(command, "out of memory (ImageJ has " + IJ.maxMemory() / (1 << 20) + " MB; Edit > Options > Memory & Threads gives more)");
        } finally {
            IJ.showProgress(1.0);
        }
    }

    /** Esc stopped the work (ImageJ's Esc also ends a running macro): one line in the status bar, and in a macro in the log. */
    private static void cancelled(String command, String kept) {
        String line = command + ": cancelled (Esc); " + kept;
        IJ.showStatus(line);
        if (Interpreter.getInstance() != null || Macro.getOptions() != null) {
            IJ.log(line);
        }
    }

    static void report(String command, String message) {
        String line = command + ": " + message;
        Interpreter macro = Interpreter.getInstance();
        if (macro != null || Macro.getOptions() != null) {
            IJ.log(line);
            if (macro != null) {
                macro.abort(line);
            }
        } else {
            IJ.error(command, line);
        }
    }
}
