package org.cmgseg.affinities.io.hdf5;

import static org.bytedeco.hdf5.global.hdf5.*;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.hdf5.H5G_info_t;
import org.bytedeco.hdf5.H5O_info2_t;
import org.bytedeco.javacpp.BytePointer;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.affinities.io.PendingWrites;

/**
 * An HDF5 file, through the native HDF5 library. Reads every storage layout and filter the library
 * knows (chunked, contiguous, gzip, shuffle, scale-offset, fill values, both file-format versions),
 * and h5py's LZF, which it does not (see {@link Hdf5Dataset}); writes chunked datasets, raw or
 * gzip-compressed, and attributes.
 *
 * <p>Atomicity: a dataset is written under a hidden name ({@code .NAME.PID.NONCE.partial} beside it) and
 * linked to its name when complete; a hidden one left by a process that died is removed by the next write
 * into the same group. A file this container created is deleted again if no dataset was committed to
 * it, on close and on a JVM shutdown (see {@link PendingWrites}).
 */
public final class Hdf5Container implements Container {

    private final Path path;
    private final long file;
    private final boolean created;
    private volatile boolean committed;
    /** Deletes a file this container created while nothing is committed to it (no HDF5 call: it may run in a shutdown hook). */
    private final Closeable discard = () -> {
        if (!committed) {
            Files.deleteIfExists(path());
        }
    };

    private Hdf5Container(Path path, long file, boolean created) {
        this.path = path;
        this.file = file;
        this.created = created;
        if (created) {
            PendingWrites.add(discard);
        }
    }

    /** Opens an existing file for reading. */
    public static Hdf5Container open(Path path) throws IOException {
        return open(path, false);
    }

    /** Opens a file for reading and writing, creating it if it does not exist. */
    public static Hdf5Container openForWriting(Path path) throws IOException {
        return open(path, true);
    }

    private static Hdf5Container open(Path path, boolean writable) throws IOException {
        Hdf5.LOCK.lock();
        try {
            Hdf5.load();
            String name = path.toString();
            if (!Files.exists(path)) {
                if (!writable) {
                    throw new IOException("no such file: " + path);
                }
                if (path.toAbsolutePath().getParent() != null && !Files.isDirectory(path.toAbsolutePath().getParent())) {
                    throw new IOException("cannot create " + path + ": folder " + path.toAbsolutePath().getParent() + " does not exist");
                }
                long file = Hdf5.check(H5Fcreate(name, H5F_ACC_EXCL, H5P_DEFAULT, H5P_DEFAULT),
                        () -> "cannot create HDF5 file " + path);
                return new Hdf5Container(path, file, true);
            }
            if (H5Fis_accessible(name, H5P_DEFAULT) <= 0) {
                throw new IOException(path + " is not an HDF5 file (or cannot be read)");
            }
            long file = Hdf5.check(H5Fopen(name, writable ? H5F_ACC_RDWR : H5F_ACC_RDONLY, H5P_DEFAULT),
                    () -> "cannot open HDF5 file " + path + (writable ? " for writing" : ""));
            return new Hdf5Container(path, file, false);
        } finally {
            Hdf5.LOCK.unlock();
        }
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public Format format() {
        return Format.HDF5;
    }

    String where(String object) {
        return path + ":" + object;
    }

    long file() {
        return file;
    }

    void committed() {
        committed = true;
        PendingWrites.remove(discard);
    }

    @Override
    public boolean exists(String object) throws IOException {
        Hdf5.LOCK.lock();
        try {
            String[] parts = object.split("/");
            StringBuilder prefix = new StringBuilder();
            for (String part : parts) {
                if (part.isEmpty()) {
                    continue;
                }
                prefix.append('/').append(part);
                if (H5Lexists(file, prefix.toString(), H5P_DEFAULT) <= 0) {
                    return false;
                }
            }
            return prefix.isEmpty() || H5Oexists_by_name(file, prefix.toString(), H5P_DEFAULT) > 0;
        } finally {
            Hdf5.LOCK.unlock();
        }
    }

    @Override
    public boolean isDataset(String object) throws IOException {
        if (!exists(object)) {
            return false;
        }
        Hdf5.LOCK.lock();
        try {
            H5O_info2_t info = new H5O_info2_t();
            return H5Oget_info_by_name3(file, object.isEmpty() ? "/" : object, info, H5O_INFO_BASIC, H5P_DEFAULT) >= 0
                    && info.type() == H5O_TYPE_DATASET;
        } finally {
            Hdf5.LOCK.unlock();
        }
    }

    @Override
    public List<String> children(String groupPath) throws IOException {
        Hdf5.LOCK.lock();
        try {
            long group = Hdf5.check(H5Gopen2(file, groupPath.isEmpty() ? "/" : groupPath, H5P_DEFAULT),
                    () -> "no group " + groupPath + " in " + path);
            try {
                H5G_info_t info = new H5G_info_t();
                H5Gget_info(group, info);
                List<String> names = new ArrayList<>();
                for (long i = 0; i < info.nlinks(); i++) {
                    long length = H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, (BytePointer) null, 0, H5P_DEFAULT);
                    try (BytePointer name = new BytePointer(length + 1)) {
                        H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, name, length + 1, H5P_DEFAULT);
                        names.add(Hdf5.string(name));
                    }
                }
                return names;
            } finally {
                H5Gclose(group);
            }
        } finally {
            Hdf5.LOCK.unlock();
        }
    }

    @Override
    public Dataset open(String object) throws IOException {
        if (!isDataset(object)) {
            throw new IOException(exists(object) ? where(object) + " is a group, not a dataset" : "no dataset " + object + " in " + path);
        }
        return Hdf5Dataset.open(this, object);
    }

    @Override
    public JsonObject attributes(String object) throws IOException {
        Hdf5.LOCK.lock();
        try {
            long handle = Hdf5.check(H5Oopen(file, object.isEmpty() ? "/" : object, H5P_DEFAULT), () -> "no object " + object + " in " + path);
            try {
                return Hdf5Attributes.read(handle, where(object));
            } finally {
                H5Oclose(handle);
            }
        } finally {
            Hdf5.LOCK.unlock();
        }
    }

    @Override
    public void setAttributes(String object, JsonObject attributes) throws IOException {
        Hdf5.LOCK.lock();
        try {
            long handle = Hdf5.check(H5Oopen(file, object.isEmpty() ? "/" : object, H5P_DEFAULT), () -> "no object " + object + " in " + path);
            try {
                for (Map.Entry<String, JsonElement> e : attributes.entrySet()) {
                    Hdf5Attributes.write(handle, e.getKey(), e.getValue(), where(object));
                }
            } finally {
                H5Oclose(handle);
            }
            H5Fflush(file, H5F_SCOPE_LOCAL);
        } finally {
            Hdf5.LOCK.unlock();
        }
    }

    @Override
    public void delete(String object) throws IOException {
        if (object.isEmpty() || object.equals("/")) {
            throw new IOException("will not delete the root of " + path);
        }
        if (!exists(object)) {
            return;
        }
        Hdf5.LOCK.lock();
        try {
            Hdf5.check(H5Ldelete(file, object, H5P_DEFAULT), () -> "cannot delete " + where(object));
            Hdf5.check(H5Fflush(file, H5F_SCOPE_LOCAL), () -> "cannot flush " + path);
        } finally {
            Hdf5.LOCK.unlock();
        }
    }

    @Override
    public DatasetWriter create(String object, DatasetInfo info) throws IOException {
        return new Hdf5Writer(this, object, info);
    }

    @Override
    public void close() throws IOException {
        Hdf5.LOCK.lock();
        try {
            H5Fclose(file);
        } finally {
            Hdf5.LOCK.unlock();
        }
        if (created) {
            PendingWrites.remove(discard);
            discard.close();
        }
    }
}
