package org.cmgseg.spark;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Sums over every task of a Spark application what its metrics say: bytes shuffled out and in, run and CPU time, and the
 * largest execution memory of one task (what Spark itself accounts for its shuffles and aggregations; not the heap).
 */
final class JobTotals extends SparkListener {

    private final AtomicLong tasks = new AtomicLong();
    private final AtomicLong shuffleWritten = new AtomicLong();
    private final AtomicLong shuffleRead = new AtomicLong();
    private final AtomicLong runMillis = new AtomicLong();
    private final AtomicLong cpuNanos = new AtomicLong();
    private final AtomicLong peakExecutionMemory = new AtomicLong();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskMetrics metrics = end.taskMetrics();
        if (metrics == null) {
            return;
        }
        tasks.incrementAndGet();
        shuffleWritten.addAndGet(metrics.shuffleWriteMetrics().bytesWritten());
        shuffleRead.addAndGet(metrics.shuffleReadMetrics().totalBytesRead());
        runMillis.addAndGet(metrics.executorRunTime());
        cpuNanos.addAndGet(metrics.executorCpuTime());
        peakExecutionMemory.accumulateAndGet(metrics.peakExecutionMemory(), Math::max);
    }

    /** One line for the end of a run. */
    String summary() {
        return String.format(Locale.ROOT, "%d tasks, %.1f s task time (%.1f s CPU), shuffle written %d bytes, read %d bytes, "
                + "peak execution memory of a task %d bytes", tasks.get(), runMillis.get() / 1e3, cpuNanos.get() / 1e9,
                shuffleWritten.get(), shuffleRead.get(), peakExecutionMemory.get());
    }
}
