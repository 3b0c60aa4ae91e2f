package org.cmgseg.affinities.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Atomic replacement of datasets that are folders of files (N5, Zarr): a dataset is written into a
 * hidden folder beside its place and renamed into place when complete.
 */
public final class DirectoryDatasets {

    /** How often a folder that writers still add to is removed again before giving up (10 ms apart). */
    private static final int REMOVAL_ATTEMPTS = 500;

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
        // Writers that joined the folder (tasks of a failed Spark job still finishing) may add blocks while it is removed:
        // remove again until it is gone; once it is, they cannot make it reappear.
        for (int attempt = 1; Files.exists(folder); attempt++) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            } catch (DirectoryNotEmptyException | NoSuchFileException | UncheckedIOException e) {
                if (attempt == REMOVAL_ATTEMPTS) {
                    throw e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
                }
                sleepBriefly();
            }
        }
    }

    private static void sleepBriefly() throws IOException {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while removing an unfinished dataset");
        }
    }

    /** True for the hidden folders of writes in progress or interrupted. */
    public static boolean isHidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }
}
