package org.cmgseg.affinities.io.n5;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.DirectoryDatasets;
import org.cmgseg.affinities.io.FolderContainer;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.affinities.io.JsonFiles;

/**
 * An N5 container on the file system (the N5 specification, version 4): groups and datasets are
 * folders, attributes live in attributes.json, a dataset's blocks in files named by grid position.
 */
public final class N5Container extends FolderContainer {

    static final String ATTRIBUTES = "attributes.json";
    private static final String VERSION = "4.0.0";

    private static final String KIND = "an N5 container";

    private N5Container(Path root) {
        super(root);
    }

    public static N5Container open(Path root) throws IOException {
        requireFolder(root, KIND);
        return new N5Container(root);
    }

    /** Opens a container for writing, creating it (with its version attribute) if needed. */
    public static N5Container openForWriting(Path root) throws IOException {
        createFolder(root, KIND);
        Path attributes = root.resolve(ATTRIBUTES);
        JsonObject json = JsonFiles.read(attributes);
        if (!json.has("n5")) {
            json.addProperty("n5", VERSION);
            JsonFiles.write(attributes, json);
        }
        return new N5Container(root);
    }

    @Override
    public Format format() {
        return Format.N5;
    }

    @Override
    public boolean exists(String path) {
        return Files.isDirectory(folder(path));
    }

    @Override
    public boolean isDataset(String path) throws IOException {
        JsonObject attributes = JsonFiles.read(folder(path).resolve(ATTRIBUTES));
        return exists(path) && attributes.has("dimensions") && attributes.has("dataType");
    }

    @Override
    public List<String> children(String group) throws IOException {
        Path folder = folder(group);
        if (!Files.isDirectory(folder)) {
            throw new IOException("no group " + group + " in " + root);
        }
        if (isDataset(group)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            entries.filter(Files::isDirectory).filter(p -> !DirectoryDatasets.isHidden(p)).sorted()
                    .forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    @Override
    public N5Dataset open(String path) throws IOException {
        if (!exists(path)) {
            throw new IOException("no dataset " + path + " in " + root);
        }
        if (!isDataset(path)) {
            throw new IOException(where(path) + " is a group, not a dataset");
        }
        return new N5Dataset(folder(path), where(path), JsonFiles.read(folder(path).resolve(ATTRIBUTES)));
    }

    @Override
    public JsonObject attributes(String path) throws IOException {
        if (!exists(path)) {
            throw new IOException("no group or dataset " + path + " in " + root);
        }
        return JsonFiles.read(folder(path).resolve(ATTRIBUTES));
    }

    @Override
    public void setAttributes(String path, JsonObject attributes) throws IOException {
        Path file = folder(path).resolve(ATTRIBUTES);
        JsonObject json = attributes(path);
        for (Map.Entry<String, JsonElement> e : attributes.entrySet()) {
            json.add(e.getKey(), e.getValue());
        }
        JsonFiles.write(file, json);
    }

    @Override
    public DatasetWriter create(String path, DatasetInfo info) throws IOException {
        Path target = folder(path);
        Files.createDirectories(target.getParent());
        for (Path group = target.getParent(); group.startsWith(root) && !group.equals(root); group = group.getParent()) {
            ensureGroup(group);
        }
        return new N5Writer(target, where(path), info);
    }

    /** Writes blocks into the hidden folder of a dataset of {@code info} that a writer of another process created. */
    public static DatasetWriter joinPartial(Path partial, DatasetInfo info) throws IOException {
        return new N5Writer(partial, info);
    }

    /** A group needs its attributes.json, even empty, for other N5 readers (python zarr's N5FSStore) to list it. */
    private static void ensureGroup(Path folder) throws IOException {
        Path attributes = folder.resolve(ATTRIBUTES);
        if (!Files.exists(attributes)) {
            JsonFiles.write(attributes, new JsonObject());
        }
    }
}
