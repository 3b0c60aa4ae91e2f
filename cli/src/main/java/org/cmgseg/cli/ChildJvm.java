package org.cmgseg.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.cmgseg.core.MemoryProbe;
import org.cmgseg.core.Parallel;

/**
 * Runs a cmgseg command in a fresh JVM, for measurements that one process must not share with another:
 * peak memory above all. The child inherits this JVM's class path and gets the collector that the
 * {@code cmgseg} launcher chooses, so that it measures what users run.
 */
final class ChildJvm {

    /** The collector, young generation and direct old-generation allocation of large arrays that the launcher gives the JVM. */
    static final List<String> COLLECTOR = List.of("-XX:+UseSerialGC", "-Xmn64m", "-XX:PretenureSizeThreshold=4m");

    private static final long POLL_MILLIS = 20;

    private ChildJvm() {
    }

    /** What the child printed (standard output and error together), its exit code, wall-clock seconds and peak resident set. */
    record Result(int exitCode, String output, double seconds, long peakResidentBytes) {
    }

    static Result run(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(COLLECTOR);
        command.addAll(jvmOptions);
        command.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        long start = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        // read while it runs, so that a chatty child never blocks on a full pipe
        Future<String> output = Parallel.background(() -> new String(child.getInputStream().readAllBytes()).strip());
        long peak = 0;
        while (child.isAlive()) {
            peak = Math.max(peak, MemoryProbe.peakResidentBytes(child.pid()));
            Thread.sleep(POLL_MILLIS);
        }
        int code = child.waitFor();
        try {
            return new Result(code, output.get(), (System.nanoTime() - start) / 1e9, peak);
        } catch (ExecutionException e) {
            throw new IOException("could not read the output of " + String.join(" ", args), e.getCause());
        }
    }
}
