package org.cmgseg.fiji;

import ij.IJ;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;

/**
 * The library's progress in ImageJ's status bar and progress bar; Esc cancels the run's context, which the library's
 * loops see at their next report or check.
 */
final class ImageJProgress implements Progress {

    private final RunContext context;

    private ImageJProgress(RunContext context) {
        this.context = context;
    }

    /** A context on all processors whose progress ImageJ shows and which Esc cancels. */
    static RunContext context() {
        IJ.resetEscape();
        RunContext base = RunContext.of(Runtime.getRuntime().availableProcessors(), Progress.NONE);
        return base.withProgress(new ImageJProgress(base));
    }

    @Override
    public void update(String task, long done, long total) {
        IJ.showStatus(task + ": " + done + "/" + total + " (Esc cancels)");
        IJ.showProgress(total == 0 ? 1 : (double) done / total);
        if (IJ.escapePressed()) {
            context.cancel();
        }
        context.checkCancelled();
    }

    @Override
    public void warning(String message) {
        IJ.log("cmgseg: " + message);
    }
}
