package org.cmgseg.affinities.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the folder-based containers (N5, Zarr) share: a root folder, paths inside it, messages naming both. */
public abstract class FolderContainer implements Container {

    protected final Path root;

    protected FolderContainer(Path root) {
        this.root = root;
    }

    /** Fails unless the root is an existing folder ({@code kind} names the format in the message). */
    protected static void requireFolder(Path root, String kind) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(Files.exists(root) ? root + " is not " + kind + " (not a folder)" : "no such " + kind.substring(kind.indexOf(' ') + 1) + ": " + root);
        }
    }

    /** Creates the root folder for writing, failing if a file is in the way. */
    protected static void createFolder(Path root, String kind) throws IOException {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IOException(root + " is not " + kind + " (not a folder)");
        }
        Files.createDirectories(root);
    }

    protected Path folder(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.isEmpty() ? root : root.resolve(relative);
    }

    protected String where(String path) {
        return root + ":" + path;
    }

    @Override
    public void delete(String path) throws IOException {
        if (folder(path).equals(root)) {
            throw new IOException("will not delete the root of " + root);
        }
        DirectoryDatasets.delete(folder(path));
    }

    @Override
    public Path path() {
        return root;
    }

    @Override
    public void close() {
        // nothing held open
    }
}
