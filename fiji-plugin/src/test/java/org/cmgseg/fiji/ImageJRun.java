package org.cmgseg.fiji;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.cmgseg.testkit.Required;

/**
 * The real application: ImageJ 1 (the net.imagej:ij jar) with a fresh plugins folder that holds the packaged plugin
 * jar and, in {@code plugins/jars}, its runtime class path, started under {@code xvfb-run} to run one macro. A run
 * that outlives its time, or that reaches what the caller waits for, is killed with every process it started.
 */
final class ImageJRun {

    private static final Path XVFB_RUN = Path.of("/usr/bin/xvfb-run");

    private final Path home;

    private ImageJRun(Path home) {
        this.home = home;
    }

    /** A fresh ImageJ folder (plugins, preferences) at {@code home}; skips, or fails under CI=true, without xvfb-run. */
    static ImageJRun install(Path home) throws IOException {
        Required.require(Files.isExecutable(XVFB_RUN), XVFB_RUN + " is missing (Debian packages xvfb and xauth)");
        Path jar = Path.of(System.getProperty("cmgseg.pluginJar"));
        Path lib = Path.of(System.getProperty("cmgseg.pluginLib"));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " is missing: the test runs after `package` (mvn verify)");
        }
        deleteTree(home);
        Path jars = Files.createDirectories(home.resolve("ij/plugins/jars"));
        Files.createDirectories(home.resolve("user"));
        Files.copy(jar, home.resolve("ij/plugins").resolve(jar.getFileName()));
        try (Stream<Path> files = Files.list(lib)) {
            for (Path file : files.toList()) {
                Files.copy(file, jars.resolve(file.getFileName()));
            }
        }
        return new ImageJRun(home);
    }

    Path home() {
        return home;
    }

    /** What ImageJ printed (its log goes to standard output in batch mode), and whether it ended by itself. */
    record Result(String output, boolean ended, int exitCode) {
    }

    /** Puts compiled test classes (each a top-level class) into a jar of the plugins folder, for macros to {@code call}. */
    void addClasses(String jarName, Class<?>... classes) throws IOException {
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(home.resolve("ij/plugins/jars").resolve(jarName)))) {
            for (Class<?> type : classes) {
                String entry = type.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(entry));
                try (InputStream bytes = type.getClassLoader().getResourceAsStream(entry)) {
                    bytes.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
    }

    /**
     * Runs a macro with {@code -batch} and its argument ({@code getArgument()}); returns when ImageJ ends, when its output satisfies {@code enough} (then ImageJ
     * is killed: a macro error leaves ImageJ showing its error dialog), or after {@code limit} (killed too).
     */
    Result run(String macro, String argument, Duration limit, Predicate<String> enough) throws IOException, InterruptedException {
        return run("-batch", macro, argument, limit, enough);
    }

    /**
     * As {@link #run}, but ImageJ shows its windows ({@code -macro}): dialogs open when a command runs without options,
     * {@code print} goes to the Log window only, and ImageJ stays open after the macro, so {@code enough} or the limit ends it.
     */
    Result runShowingWindows(String macro, String argument, Duration limit, Predicate<String> enough) throws IOException,
            InterruptedException {
        return run("-macro", macro, argument, limit, enough);
    }

    private Result run(String mode, String macro, String argument, Duration limit, Predicate<String> enough) throws IOException,
            InterruptedException {
        Path file = home.resolve("macro-" + System.nanoTime() + ".ijm");
        Files.writeString(file, macro);
        Path log = home.resolve(file.getFileName() + ".out");
        String ij = System.getProperty("cmgseg.ijJar");
        Process process = new ProcessBuilder(List.of(XVFB_RUN.toString(), "-a", "java", "-Xmx1g", "-Duser.home=" + home.resolve("user"),
                "-Dplugins.dir=" + home.resolve("ij"), "-jar", ij, mode, file.toString(), argument))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
                    return new Result(Files.readString(log, StandardCharsets.UTF_8), true, process.exitValue());
                }
                if (enough.test(Files.readString(log, StandardCharsets.UTF_8))) {
                    break;
                }
            }
            return new Result(Files.readString(log, StandardCharsets.UTF_8), false, -1);
        } finally {
            kill(process);
        }
    }

    private static void kill(Process process) throws InterruptedException {
        List<ProcessHandle> started = process.descendants().toList();
        started.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle handle : started) {
            handle.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> handle).join();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
