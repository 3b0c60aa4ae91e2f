package org.cmgseg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.cmgseg.core.Progress;

/**
 * Progress of tasks still running after a second, on standard error: animated bars on an interactive
 * console; elsewhere (nohup, a pipe, a batch scheduler's log) plain lines, one when a task has run a
 * second and then at least every 10 s (task, done/total, elapsed, estimated remaining), and one when
 * it ends. Warnings always, on the command's error stream.
 */
final class ProgressBars implements Progress, AutoCloseable {

    private static final long DELAY_NANOS = 1_000_000_000L;
    private static final long LINE_INTERVAL_NANOS = 9_000_000_000L;
    private static final long TICK_MILLIS = 500;

    /**
     * The task each error stream's printer reported last, for the out-of-memory message of the command
     * that writes to that stream (commands run in-process side by side each have their own).
     */
    private static final Map<PrintWriter, String> LAST_TASKS = Collections.synchronizedMap(new WeakHashMap<>());

    private final boolean interactive;
    private final long delayNanos;
    private final long lineIntervalNanos;
    private final PrintWriter warnings;
    private final ScheduledExecutorService ticker;

    private final Map<String, Long> started = new HashMap<>();
    private final Map<String, ProgressBar> bars = new HashMap<>();
    private final Map<String, TaskLine> lines = new LinkedHashMap<>();

    ProgressBars(PrintWriter warnings) {
        this(warnings, standardErrorIsTerminal(), DELAY_NANOS, LINE_INTERVAL_NANOS);
    }

    /** On Linux from what file descriptor 2 is (System.console() also says no when only standard output is redirected). */
    private static boolean standardErrorIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** Plain lines go to {@code warnings} when not {@code interactive}, after {@code delayNanos}, then every {@code lineIntervalNanos}. */
    ProgressBars(PrintWriter warnings, boolean interactive, long delayNanos, long lineIntervalNanos) {
        this.warnings = warnings;
        this.interactive = interactive;
        this.delayNanos = delayNanos;
        this.lineIntervalNanos = lineIntervalNanos;
        if (interactive) {
            ticker = null;
        } else {
            // a task may go longer than the interval between two updates: a clock, not the updates, prints the lines
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "cmgseg-progress-lines");
                t.setDaemon(true);
                return t;
            });
            long tick = Math.max(1, Math.min(TICK_MILLIS, lineIntervalNanos / 4_000_000));
            ticker.scheduleAtFixedRate(this::printDue, tick, tick, TimeUnit.MILLISECONDS);
        }
    }

    /** The task last reported by the printer writing to {@code err}, null if none. */
    static String lastTask(PrintWriter err) {
        return LAST_TASKS.get(err);
    }

    @Override
    public synchronized void update(String task, long done, long total) {
        LAST_TASKS.put(warnings, task);
        long now = System.nanoTime();
        if (!interactive) {
            TaskLine line = lines.computeIfAbsent(task, t -> new TaskLine(now));
            line.done = done;
            line.total = total;
            if (done >= total) {
                lines.remove(task);
                if (line.printed > 0) {
                    Main.println(warnings, String.format(Locale.ROOT, "%s: %d/%d done in %s", task, done, total, clock(now - line.start)));
                }
            }
            return;
        }
        long start = started.computeIfAbsent(task, t -> now);
        ProgressBar bar = bars.get(task);
        if (bar == null && done < total && now - start > delayNanos) {
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

    private synchronized void printDue() {
        long now = System.nanoTime();
        for (Map.Entry<String, TaskLine> e : lines.entrySet()) {
            TaskLine line = e.getValue();
            boolean due = line.printed == 0 ? now - line.start >= delayNanos : now - line.printed >= lineIntervalNanos;
            if (due) {
                line.printed = now;
                Main.println(warnings, line.describe(e.getKey(), now));
            }
        }
    }

    @Override
    public synchronized void warning(String message) {
        Main.println(warnings, "warning: " + message);
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        bars.values().forEach(ProgressBar::close);
        bars.clear();
    }

    /** Minutes and seconds ("12:05"), hours when needed ("1:02:03"). */
    static String clock(long nanos) {
        long s = Math.round(nanos / 1e9);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** A task shown as plain lines: when it started, how far it is, when it was last printed (0: never). */
    private static final class TaskLine {
        final long start;
        long done;
        long total;
        long printed;

        TaskLine(long start) {
            this.start = start;
        }

        String describe(String task, long now) {
            long elapsed = now - start;
            String remaining = done > 0 ? "about " + clock((long) (elapsed * (double) (total - done) / done)) + " remaining"
                    : "remaining time not known yet";
            return String.format(Locale.ROOT, "%s: %d/%d (%.0f %%), %s elapsed, %s", task, done, total, 100.0 * done / Math.max(1, total),
                    clock(elapsed), remaining);
        }
    }
}
