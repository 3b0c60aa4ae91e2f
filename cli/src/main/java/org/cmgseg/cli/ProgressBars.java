package org.cmgseg.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.cmgseg.affinities.Progress;

/**
 * Progress bars on standard error, shown only on an interactive console (not in logs or pipes) and
 * only for tasks still running after a second; warnings always, on the command's error stream.
 */
final class ProgressBars implements Progress, AutoCloseable {

    private static final long DELAY_NANOS = 1_000_000_000L;

    private final boolean interactive = System.console() != null;
    private final PrintWriter warnings;

    private final Map<String, Long> started = new HashMap<>();
    private final Map<String, ProgressBar> bars = new HashMap<>();

    ProgressBars(PrintWriter warnings) {
        this.warnings = warnings;
    }

    @Override
    public synchronized void update(String task, long done, long total) {
        if (!interactive) {
            return;
        }
        long now = System.nanoTime();
        long start = started.computeIfAbsent(task, t -> now);
        ProgressBar bar = bars.get(task);
        if (bar == null && done < total && now - start > DELAY_NANOS) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
            bars.put(task, bar);
        }
        if (bar != null) {
            bar.stepTo(done);
            if (done >= total) {
                bar.close();
                bars.remove(task);
            }
        }
    }

    @Override
    public synchronized void warning(String message) {
        Main.println(warnings, "warning: " + message);
    }

    @Override
    public synchronized void close() {
        bars.values().forEach(ProgressBar::close);
        bars.clear();
    }
}
