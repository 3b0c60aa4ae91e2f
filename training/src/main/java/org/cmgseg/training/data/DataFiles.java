package org.cmgseg.training.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reading whole data files, with messages that say which file was expected. */
final class DataFiles {

    private DataFiles() {
    }

    /** The bytes of the file; if it is missing, an IOException naming it and what it should be. */
    static byte[] readAll(Path path, String whatItShouldBe) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, "expected a file of the " + whatItShouldBe
                    + ", but " + (Files.exists(path) ? "it is not a regular file" : "it does not exist"));
        }
        return Files.readAllBytes(path);
    }

    /** The file, or its gzip-compressed version {@code NAME.gz}, uncompressed. */
    static byte[] readPlainOrGzip(Path path, String whatItShouldBe) throws IOException {
        Path gzip = path.resolveSibling(path.getFileName() + ".gz");
        if (!Files.exists(path) && Files.isRegularFile(gzip)) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new IOException(gzip + " is not a readable gzip file: " + e.getMessage(), e);
            }
        }
        return readAll(path, whatItShouldBe + " (or " + gzip.getFileName() + ")");
    }
}
