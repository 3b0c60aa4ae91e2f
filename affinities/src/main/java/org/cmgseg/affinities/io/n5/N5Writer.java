package org.cmgseg.affinities.io.n5;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.DirectoryDatasets;
import org.cmgseg.affinities.io.codec.BlockCodec;

/** Writes an N5 dataset into a hidden folder, as the Java N5 library does (edge blocks cut), and renames it into place. */
final class N5Writer implements DatasetWriter {

    private final Path target;
    private final Path temporary;
    private final DatasetInfo info;
    private final BlockCodec codec;
    private boolean committed;

    N5Writer(Path target, String where, DatasetInfo info) throws IOException {
        this.target = target;
        this.info = info;
        JsonObject compression = N5Compression.json(info.compression(), info.dataType());
        this.codec = N5Compression.codec(compression, where);
        this.temporary = DirectoryDatasets.temporaryFor(target);
        JsonObject attributes = new JsonObject();
        attributes.add("dimensions", array(info.dimensions()));
        attributes.add("blockSize", array(Arrays.stream(info.blockSize()).asLongStream().toArray()));
        attributes.addProperty("dataType", info.dataType().label());
        attributes.add("compression", compression);
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
    public void write(long[] offset, int[] size, Object data) throws IOException {
        long[] position = new long[offset.length];
        for (int d = 0; d < offset.length; d++) {
            position[d] = offset[d] / info.blockSize()[d];
            int expected = (int) Math.min(info.blockSize()[d], info.dimensions()[d] - offset[d]);
            if (offset[d] % info.blockSize()[d] != 0 || size[d] != expected) {
                throw new IOException("N5 writes whole blocks: region " + Arrays.toString(offset) + " + " + Arrays.toString(size)
                        + " is not a block of the grid " + Arrays.toString(info.blockSize()));
            }
        }
        Path file = temporary;
        for (long p : position) {
            file = file.resolve(Long.toString(p));
        }
        Files.createDirectories(file.getParent());
        Files.write(file, N5Block.encode(size, info.dataType(), data, codec));
    }

    @Override
    public void commit() throws IOException {
        DirectoryDatasets.commit(temporary, target);
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            DirectoryDatasets.delete(temporary);
        }
    }
}
