package org.cmgseg.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file under a temporary name beside it and moves it into place, so no half-written file remains. */
final class AtomicOutput {

    /** Writes the file's content to the given (temporary) path. */
    @FunctionalInterface
    interface Writer {
        void write(Path temporary) throws IOException;
    }

    private AtomicOutput() {
    }

    static void write(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory != null && !Files.isDirectory(directory)) {
            throw new IOException("cannot write " + target + ": folder " + directory + " does not exist");
        }
        // createFile, unlike createTempFile, gives the file the permissions of the umask, as the final file should have
        Path temporary = Files.createFile(absolute.resolveSibling(
                "." + absolute.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".partial"));
        try {
            writer.write(temporary);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
