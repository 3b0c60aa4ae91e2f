package org.cmgseg.affinities.io.zarr;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.DirectoryDatasets;
import org.cmgseg.affinities.io.FolderContainer;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.affinities.io.JsonFiles;

/**
 * A Zarr v2 store on the file system: groups have a .zgroup, arrays a .zarray, attributes a .zattrs.
 * New arrays use "." as the chunk key separator, as python zarr 2 does by default.
 */
public final class ZarrContainer extends FolderContainer {

    static final String ARRAY = ".zarray";
    private static final String GROUP = ".zgroup";
    private static final String ATTRIBUTES = ".zattrs";

    private static final String KIND = "a Zarr store";

    private ZarrContainer(Path root) {
        super(root);
    }

    public static ZarrContainer open(Path root) throws IOException {
        requireFolder(root, KIND);
        return new ZarrContainer(root);
    }

    public static ZarrContainer openForWriting(Path root) throws IOException {
        createFolder(root, KIND);
        ensureGroup(root);
        return new ZarrContainer(root);
    }

    private static void ensureGroup(Path folder) throws IOException {
        if (!Files.exists(folder.resolve(GROUP)) && !Files.exists(folder.resolve(ARRAY))) {
            JsonObject group = new JsonObject();
            group.addProperty("zarr_format", 2);
            JsonFiles.write(folder.resolve(GROUP), group);
        }
    }

    @Override
    public Format format() {
        return Format.ZARR;
    }

    @Override
    public boolean exists(String path) {
        Path folder = folder(path);
        return Files.exists(folder.resolve(ARRAY)) || Files.exists(folder.resolve(GROUP)) || folder.equals(root) && Files.isDirectory(root);
    }

    @Override
    public boolean isDataset(String path) {
        return Files.exists(folder(path).resolve(ARRAY));
    }

    @Override
    public List<String> children(String group) throws IOException {
        if (!exists(group) || isDataset(group)) {
            if (isDataset(group)) {
                return List.of();
            }
            throw new IOException("no group " + group + " in " + root);
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder(group))) {
            entries.filter(p -> Files.exists(p.resolve(ARRAY)) || Files.exists(p.resolve(GROUP)))
                    .filter(p -> !DirectoryDatasets.isHidden(p)).sorted().forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    @Override
    public Dataset open(String path) throws IOException {
        if (!isDataset(path)) {
            throw new IOException(exists(path) ? where(path) + " is a group, not a dataset" : "no dataset " + path + " in " + root);
        }
        return new ZarrDataset(folder(path), where(path), ZarrMetadata.parse(JsonFiles.read(folder(path).resolve(ARRAY)), where(path)));
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
        JsonObject json = attributes(path);
        for (Map.Entry<String, JsonElement> e : attributes.entrySet()) {
            json.add(e.getKey(), e.getValue());
        }
        JsonFiles.write(folder(path).resolve(ATTRIBUTES), json);
    }

    @Override
    public DatasetWriter create(String path, DatasetInfo info) throws IOException {
        Path target = folder(path);
        for (Path group = target.getParent(); group.startsWith(root); group = group.getParent()) {
            Files.createDirectories(group);
            ensureGroup(group);
            if (group.equals(root)) {
                break;
            }
        }
        return new ZarrWriter(target, where(path), info, ".");
    }

    /** Writes chunks into the hidden folder of an array of {@code info} that a writer of another process created. */
    public static DatasetWriter joinPartial(Path partial, DatasetInfo info) throws IOException {
        return new ZarrWriter(partial, info, ".");
    }
}
