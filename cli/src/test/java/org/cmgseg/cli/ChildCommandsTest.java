package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.core.Parallel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command line as a separate process, with standard error a pipe (as under nohup or a batch
 * scheduler): SIGINT and SIGTERM in the middle of a write, running out of heap, and progress lines.
 */
class ChildCommandsTest {

    /** 4.7 Mvoxels: a gzip:9 copy of its affinities takes seconds, and segmenting them needs far more than 48 MB of heap. */
    private static final String SIZE = "32,384,384";

    @TempDir
    static Path inputs;

    @TempDir
    Path out;

    @BeforeAll
    static void synthesize() {
        CliRun run = CliRun.of("synthesize", "--output", inputs.resolve("big.n5") + ":/v", "--size", SIZE);
        assertEquals(0, run.exitCode(), run.err());
    }

    private static String affinities() {
        return inputs.resolve("big.n5") + ":/v/affinities";
    }

    /** A running child: its process and what it writes on standard error, collected while it runs ({@code seen} so far). */
    private record Child(Process process, StringBuffer seen, Future<String> err) {
        static Child start(List<String> jvmOptions, String... args) throws IOException {
            String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(ChildJvm.COLLECTOR);
            command.addAll(jvmOptions);
            command.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            StringBuffer seen = new StringBuffer();
            return new Child(process, seen, Parallel.background(() -> {
                try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                    for (String line = err.readLine(); line != null; line = err.readLine()) {
                        seen.append(line).append('\n');
                    }
                }
                return seen.toString();
            }));
        }

        void signal(String signal) throws IOException, InterruptedException {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).redirectErrorStream(true).start();
            String killed = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, kill.waitFor(), killed);
        }

        int waitFor() throws InterruptedException {
            assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the child ends");
            return process.exitValue();
        }
    }

    private static boolean writing(Path folder) throws IOException {
        return OutputsTest.listing(folder).stream().anyMatch(p -> p.endsWith(".partial") || p.endsWith("c.h5"));
    }

    /** An existing HDF5 file grows as the new dataset is written into it (the child holds it locked: it cannot be opened). */
    private static boolean writing(Path folder, long existingSize) throws IOException {
        Path existing = folder.resolve("e.h5");
        return Files.exists(existing) ? Files.size(existing) > existingSize : writing(folder);
    }

    @ParameterizedTest
    @CsvSource({"TERM, c.n5:/g/affs, 143", "INT, c.zarr:/affs, 130", "INT, c.h5:/affs, 130", "TERM, e.h5:/affs, 143"})
    void aSignalDuringAWriteLeavesNothingBehind(String signal, String address, int exitCode) throws Exception {
        Path existing = out.resolve("e.h5");
        if (address.startsWith("e.h5")) {
            assertEquals(0, CliRun.of("convert", inputs.resolve("big.n5") + ":/v/raw", existing + ":/raw").exitCode());
        }
        List<String> before = OutputsTest.listing(out);
        long existingSize = Files.exists(existing) ? Files.size(existing) : 0;
        Child child = Child.start(List.of(), "convert", affinities(), out.resolve(address).toString(), "--compression", "gzip:9",
                "--block-size", "8,64,64", "--threads", "1");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!writing(out, existingSize) && child.process().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(child.process().isAlive(), "still writing when the signal comes");
        Thread.sleep(300);
        child.signal(signal);
        assertEquals(exitCode, child.waitFor(), child.err().get());
        if (signal.equals("INT")) {
            assertCancelled(child.err().get());
        }
        assertEquals(before, OutputsTest.listing(out), "no partial folder, no new container");
        if (Files.exists(existing)) {
            try (Container h5 = Containers.open(existing, Format.HDF5)) {
                assertEquals(List.of("raw"), h5.children("/"), "the file keeps what it held, and no hidden unfinished dataset");
            }
        }
    }

    /** Ctrl-C in the middle of the work cancels it: the workers stop, nothing is written, and the command says so. */
    @Test
    void ctrlCCancelsASegmentationMidWay() throws Exception {
        Child child = Child.start(List.of(), "segment", "--affinities", affinities(), "--output", out.resolve("s.n5") + ":/s",
                "--thresholds", "0.1:0.9:0.1", "--fragments", "distance3d", "--threads", "1");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!child.seen().toString().contains("fragments: ") && child.process().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(child.process().isAlive(), "still working when Ctrl-C comes: " + child.seen());
        long signalled = System.nanoTime();
        child.signal("INT");
        assertEquals(RunningCommand.EXIT_CODE, child.waitFor(), child.err().get());
        assertTrue(System.nanoTime() - signalled < TimeUnit.SECONDS.toNanos(5), "stopped soon after Ctrl-C");
        assertCancelled(child.err().get());
        assertEquals(List.of(), OutputsTest.listing(out), "no container, no partial dataset");
    }

    /** The last line says "cancelled", and there is no stack trace. */
    private static void assertCancelled(String err) {
        List<String> lines = err.strip().lines().toList();
        assertEquals(RunningCommand.MESSAGE, lines.get(lines.size() - 1), err);
        assertFalse(err.contains("\tat "), err);
    }

    @Test
    void runningOutOfHeapSaysWhatTheJobNeedsInOneLine() throws Exception {
        Child child = Child.start(List.of("-Xmx48m"), "segment", "--affinities", affinities(), "--output", out.resolve("s.zarr") + ":/s",
                "--thresholds", "0.5");
        assertEquals(2, child.waitFor(), child.err().get());
        String err = child.err().get().strip();
        assertEquals(1, err.split("\n").length, err);
        assertTrue(err.startsWith("segment: out of memory"), err);
        assertTrue(err.contains("segment needs about 158 MB for 4.7 Mvoxels"), err);
        assertTrue(err.contains("give it more with CMGSEG_JAVA_OPTS=-Xmx1g"), err);
        assertFalse(err.contains("\tat "), err);
        assertEquals(List.of(), OutputsTest.listing(out), "nothing left behind");
    }

    @Test
    void withoutATerminalProgressComesAsPlainLines() throws Exception {
        Child child = Child.start(List.of(), "convert", affinities(), out.resolve("c.n5") + ":/affs", "--compression", "gzip:9",
                "--threads", "1");
        assertEquals(0, child.waitFor(), child.err().get());
        List<String> lines = child.err().get().strip().lines().toList();
        assertTrue(lines.size() >= 2, "a line after a second, one at the end: " + lines);
        assertTrue(lines.get(0).matches("convert: \\d+/\\d+ \\(\\d+ %\\), 0:0\\d elapsed, (about \\d+:\\d\\d remaining|remaining time not known yet)"),
                lines.get(0));
        assertTrue(lines.get(lines.size() - 1).matches("convert: (\\d+)/\\1 done in \\d+:\\d\\d"), lines.get(lines.size() - 1));
        assertFalse(String.join("\n", lines).contains("\r"), "no animated bar");
    }
}
