package org.cmgseg.segmentation.fragments;

import java.util.function.IntFunction;
import org.cmgseg.core.Parallel;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;

/**
 * Separable operations on a flat int volume (x fastest): one line transform applied to every line of
 * voxels along x, then y, then z, the lines of each axis split among threads.
 */
final class AxisLines {

    /** One line's transform: reads {@code line[0..n)}, writes {@code out[0..n)}; false leaves the line as it was. */
    @FunctionalInterface
    interface LineTransform {
        boolean apply(long[] line, long[] out);
    }

    private AxisLines() {
    }

    /** {@code perTask} makes each task's transform (with its own scratch space) for lines of the given length. */
    /** Advances {@code progress} by three times the voxels: once per axis. */
    static void everyAxis(int[] d, int sx, int sy, int sz, RunContext context, Task progress, IntFunction<LineTransform> perTask) {
        along(d, sx, sy * sz, 1, context, progress, perTask);
        along(d, sy, sx * sz, sx, context, progress, perTask);
        along(d, sz, sx * sy, sx * sy, context, progress, perTask);
    }

    /** Line k of n voxels {@code step} apart starts at {@code (k / step) * n * step + k % step}. */
    private static void along(int[] d, int n, int lines, int step, RunContext context, Task progress, IntFunction<LineTransform> perTask) {
        if (n == 1) {
            progress.advance(lines);
            return;
        }
        int tasks = Math.max(1, Math.min(4 * context.threads(), lines / 64));
        context.forEach(tasks, t -> {
            LineTransform transform = perTask.apply(n);
            long[] line = new long[n];
            long[] out = new long[n];
            for (int k = Parallel.partStart(lines, tasks, t), end = Parallel.partStart(lines, tasks, t + 1); k < end; k++) {
                int first = (k / step) * n * step + k % step;
                for (int i = 0; i < n; i++) {
                    line[i] = d[first + i * step];
                }
                if (transform.apply(line, out)) {
                    for (int i = 0; i < n; i++) {
                        d[first + i * step] = (int) out[i];
                    }
                }
            }
            progress.advance((long) n * (Parallel.partStart(lines, tasks, t + 1) - Parallel.partStart(lines, tasks, t)));
        });
    }
}
