package org.cmgseg.affinities.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file under a hidden temporary name beside it and moves it into place: never a half-written file. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes the content to the (temporary) path it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temporary) throws IOException;
    }

    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IOException("cannot write " + target + ": folder " + folder + " does not exist");
        }
        // createFile, unlike createTempFile, gives the file the permissions of the umask, as the final file should have
        Path temporary = Files.createFile(absolute.resolveSibling("." + absolute.getFileName() + "." + Long.toHexString(System.nanoTime())
                + ".partial"));
        try {
            content.writeTo(temporary);
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
