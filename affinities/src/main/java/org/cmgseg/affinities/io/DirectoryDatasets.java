package org.cmgseg.affinities.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Atomic replacement of datasets that are folders of files (N5, Zarr): a dataset is written into a
 * hidden folder beside its place and renamed into place when complete.
 */
public final class DirectoryDatasets {

    private DirectoryDatasets() {
    }

    /** The hidden folder a dataset at {@code target} is written into; the leftovers of dead writers beside it are removed. */
    public static Path temporaryFor(Path target) throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        PartialFiles.removeStale(parent);
        return Files.createDirectory(PartialFiles.nameFor(target));
    }

    /** Moves a written folder into place, replacing what was there. */
    public static void commit(Path temporary, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".old");
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            delete(old);
        }
    }

    public static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** True for the hidden folders of writes in progress or interrupted. */
    public static boolean isHidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }
}
