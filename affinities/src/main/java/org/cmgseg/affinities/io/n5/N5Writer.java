package org.cmgseg.affinities.io.n5;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.FolderDatasetWriter;
import org.cmgseg.affinities.io.codec.BlockCodec;

/** Writes an N5 dataset into a hidden folder, as the Java N5 library does (edge blocks cut), and renames it into place. */
final class N5Writer extends FolderDatasetWriter {

    private final DatasetInfo info;
    private final BlockCodec codec;
    private final JsonObject attributes = new JsonObject();

    N5Writer(Path target, String where, DatasetInfo info) throws IOException {
        super(target, "N5");
        this.info = info;
        this.codec = N5Compression.codec(describe(info), where);
    }

    /** Joins the hidden folder another process's writer of {@code info} created. */
    N5Writer(Path partial, DatasetInfo info) throws IOException {
        super("N5", partial);
        this.info = info;
        this.codec = N5Compression.codec(describe(info), partial.toString());
    }

    /** Fills the attributes the commit writes; returns their compression entry. */
    private JsonObject describe(DatasetInfo info) {
        JsonObject compression = N5Compression.json(info.compression(), info.dataType());
        attributes.add("dimensions", array(info.dimensions()));
        attributes.add("blockSize", array(Arrays.stream(info.blockSize()).asLongStream().toArray()));
        attributes.addProperty("dataType", info.dataType().label());
        attributes.add("compression", compression);
        return compression;
    }

    @Override
    protected void writeMetadata() throws IOException {
        org.cmgseg.affinities.io.JsonFiles.write(temporary.resolve(N5Container.ATTRIBUTES), attributes);
    }

    private static JsonArray array(long[] values) {
        JsonArray array = new JsonArray();
        for (long v : values) {
            array.add(v);
        }
        return array;
    }

    @Override
    public DatasetInfo info() {
        return info;
    }

    @Override
    protected void writeBlock(long[] position, int[] size, Object data) throws IOException {
        Path file = temporary;
        for (long p : position) {
            file = file.resolve(Long.toString(p));
        }
        createFoldersFor(file);
        Files.write(file, N5Block.encode(size, info.dataType(), data, codec));
    }
}
