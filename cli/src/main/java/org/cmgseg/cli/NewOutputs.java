package org.cmgseg.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DirectoryDatasets;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.affinities.io.PendingWrites;

/**
 * The outputs of one command, checked before any work starts: their folder exists, nothing is in the
 * way, and an existing dataset or file is replaced only with {@code --overwrite}. The containers and
 * files that did not exist are remembered: closing without {@link #keep()} (an error, or a JVM
 * shutdown on SIGINT or SIGTERM) removes them, so a failed run leaves nothing behind.
 */
final class NewOutputs implements Closeable {

    private final boolean overwrite;
    private final List<Path> created = new ArrayList<>();
    private boolean kept;
    private boolean closed;

    NewOutputs(boolean overwrite) {
        this.overwrite = overwrite;
        PendingWrites.add(this);
    }

    /** A check that, failing, unregisters these outputs (the command never gets to close them). */
    private interface Check {
        void run() throws IOException;
    }

    private synchronized NewOutputs checked(Check check) throws IOException {
        try {
            check.run();
            return this;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A dataset to write: a TIFF file, or a dataset in an N5, Zarr or HDF5 container. */
    NewOutputs dataset(DatasetAddress address) throws IOException {
        return checked(() -> checkDataset(address));
    }

    private void checkDataset(DatasetAddress address) throws IOException {
        if (address.format() == Format.TIFF) {
            checkFile(address.container());
            return;
        }
        if (existingContainer(address)) {
            try (Container container = Containers.open(address.container(), address.format())) {
                requireInsideGroups(container, address);
                if (container.isDataset(address.dataset())) {
                    refuseExisting(address.toString());
                } else if (container.exists(address.dataset())) {
                    throw new IllegalArgumentException("cannot write " + address.container() + ":" + address.dataset()
                            + ": it is a group; name a dataset inside it");
                }
            }
        }
    }

    /**
     * A group whose datasets the command writes, replacing the datasets the group held: it must hold no
     * dataset yet, or {@code --overwrite} must be given. Its sub-groups are no output and stay.
     */
    NewOutputs group(DatasetAddress address) throws IOException {
        return checked(() -> checkGroup(address));
    }

    private void checkGroup(DatasetAddress address) throws IOException {
        if (existingContainer(address)) {
            try (Container container = Containers.open(address.container(), address.format())) {
                requireInsideGroups(container, address);
                if (container.isDataset(address.dataset())) {
                    throw new IllegalArgumentException("cannot write into " + address + ": it is a dataset, not a group");
                }
                List<String> datasets = container.datasetsIn(address.dataset());
                if (!datasets.isEmpty() && !overwrite) {
                    throw new IllegalArgumentException(address + " already holds " + String.join(", ", datasets)
                            + "; give --overwrite to replace them");
                }
            }
        }
    }

    /** A file to write. */
    NewOutputs file(Path file) throws IOException {
        return checked(() -> checkFile(file));
    }

    private void checkFile(Path file) {
        requireFolderOf(file);
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("cannot write " + file + ": it is a folder");
        }
        if (Files.exists(file)) {
            refuseExisting(file.toString());
        } else {
            created.add(file);
        }
    }

    /** A folder of results that the command adds to (and may resume from): it is kept even when the command fails. */
    NewOutputs folder(Path folder) throws IOException {
        return checked(() -> checkFolder(folder));
    }

    /**
     * Checks the place of a folder of results that a command manages itself (adds to, resumes from or
     * replaces): its parent exists and it is no file. {@code --overwrite} has no say over such a folder.
     */
    static void checkFolder(Path folder) {
        requireFolderOf(folder);
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("cannot write into " + folder + ": it is a file, not a folder");
        }
    }

    /** The command succeeded: what it created stays. */
    synchronized void keep() {
        kept = true;
    }

    /** Synchronized and once only: the shutdown hook and the command's own error path may both close it. */
    @Override
    public synchronized void close() throws IOException {
        PendingWrites.remove(this);
        if (closed) {
            return;
        }
        closed = true;
        if (!kept) {
            for (Path p : created) {
                DirectoryDatasets.delete(p);
            }
        }
    }

    /** Checks the container's place; true if it exists (and is one), false if it will be created. */
    private boolean existingContainer(DatasetAddress address) {
        Path container = address.container();
        requireFolderOf(container);
        if (!Files.exists(container)) {
            created.add(container);
            return false;
        }
        boolean folder = Files.isDirectory(container);
        if (folder != (address.format() != Format.HDF5)) {
            throw new IllegalArgumentException("cannot write " + address + ": " + container + " is " + (folder ? "a folder" : "a file")
                    + ", not " + (folder ? "an HDF5 file" : "an " + address.format() + " container folder"));
        }
        return true;
    }

    /** Every group on the way to the address is a group, not a dataset. */
    private static void requireInsideGroups(Container container, DatasetAddress address) throws IOException {
        String path = "";
        String[] parts = address.dataset().split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].isEmpty()) {
                continue;
            }
            path += "/" + parts[i];
            if (container.isDataset(path)) {
                throw new IllegalArgumentException("cannot write " + address + ": " + container.path() + ":" + path + " is a dataset, not a group");
            }
        }
    }

    private static void requireFolderOf(Path path) {
        Path folder = path.toAbsolutePath().normalize().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("cannot write " + path + ": folder " + folder + " does not exist");
        }
        if (folder != null && !Files.isWritable(folder) && !Files.exists(path)) {
            throw new IllegalArgumentException("cannot write " + path + ": folder " + folder + " is not writable");
        }
    }

    private void refuseExisting(String what) {
        if (!overwrite) {
            throw new IllegalArgumentException(what + " exists; give --overwrite to replace it");
        }
    }
}
