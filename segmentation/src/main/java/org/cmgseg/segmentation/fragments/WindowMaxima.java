package org.cmgseg.segmentation.fragments;

import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;

/**
 * The voxels that equal the maximum of the cube of {@code size} voxels per axis around them, as lsd
 * finds seeds with {@code maximum_filter(distances, size) == distances} (scipy): the cube spans
 * offsets {@code -size/2 .. size - size/2 - 1} on every axis (-5..4 for size 10), and it is cut at the
 * volume's faces (scipy's default "reflect" border only repeats values already inside the cut cube).
 */
final class WindowMaxima {

    private WindowMaxima() {
    }

    /** Advances {@code progress} by three times the voxels. */
    static boolean[] of(int[] value, Box box, int size, RunContext context, Task progress) {
        int before = size / 2;
        int after = size - before - 1;
        int[] maximum = value.clone();
        AxisLines.everyAxis(maximum, box.sx(), box.sy(), box.sz(), context, progress, n -> {
            int[] queue = new int[n];
            return (line, out) -> slidingMaximum(line, out, n, before, after, queue);
        });
        boolean[] equal = new boolean[value.length];
        for (int v = 0; v < value.length; v++) {
            equal[v] = value[v] == maximum[v];
        }
        return equal;
    }

    /** out[i] = max of line[i - before .. i + after] within [0, n), by a queue of decreasing values. */
    private static boolean slidingMaximum(long[] line, long[] out, int n, int before, int after, int[] queue) {
        int head = 0;
        int tail = 0;
        int next = 0;
        for (int i = 0; i < n; i++) {
            for (int last = Math.min(n - 1, i + after); next <= last; next++) {
                while (tail > head && line[queue[tail - 1]] <= line[next]) {
                    tail--;
                }
                queue[tail++] = next;
            }
            while (queue[head] < i - before) {
                head++;
            }
            out[i] = line[queue[head]];
        }
        return true;
    }
}
