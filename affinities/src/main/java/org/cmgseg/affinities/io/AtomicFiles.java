package org.cmgseg.affinities.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file under a hidden temporary name beside it and moves it into place: never a half-written
 * file. The temporary file is removed on failure, on a JVM shutdown and, if the process is killed,
 * by the next write into the same folder.
 */
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
        PartialFiles.removeStale(folder);
        // createFile, unlike createTempFile, gives the file the permissions of the umask, as the final file should have
        Path temporary = Files.createFile(PartialFiles.nameFor(absolute));
        Closeable discard = () -> Files.deleteIfExists(temporary);
        PendingWrites.add(discard);
        try {
            content.writeTo(temporary);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            PendingWrites.remove(discard);
            discard.close();
        }
    }
}
