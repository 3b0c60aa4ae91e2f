package org.cmgseg.affinities.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names of files and folders being written: hidden, beside their place, carrying the id of the
 * writing process ({@code .NAME.PID.NONCE.partial}), so that a later run can tell the leftovers of a
 * process that died (killed, or the machine stopped) from writes still in progress, and remove them.
 */
public final class PartialFiles {

    private static final Pattern PARTIAL = Pattern.compile("\\..+\\.(\\d+)\\.[0-9a-f]+\\.partial");

    private PartialFiles() {
    }

    /** A fresh hidden name beside {@code target}, for this process. */
    static Path nameFor(Path target) {
        return target.resolveSibling(nameFor(target.getFileName().toString()));
    }

    /** A fresh hidden name for an entry called {@code name} (a file, folder or HDF5 link), for this process. */
    public static String nameFor(String name) {
        return "." + name + "." + ProcessHandle.current().pid() + "." + Long.toHexString(System.nanoTime()) + ".partial";
    }

    /** Deletes the partial files and folders in {@code folder} whose writing process no longer runs. */
    public static void removeStale(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> stale;
        try (Stream<Path> entries = Files.list(folder)) {
            stale = entries.filter(PartialFiles::isStale).toList();
        }
        for (Path p : stale) {
            DirectoryDatasets.delete(p);
        }
    }

    static boolean isStale(Path p) {
        return isStale(p.getFileName().toString());
    }

    /** Whether {@code name} is a partial name whose writing process no longer runs. */
    public static boolean isStale(String name) {
        Matcher m = PARTIAL.matcher(name);
        if (!m.matches()) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
