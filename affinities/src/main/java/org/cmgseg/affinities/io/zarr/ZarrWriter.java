package org.cmgseg.affinities.io.zarr;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.cmgseg.affinities.io.Boxes;
import org.cmgseg.affinities.io.ByteCodec;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.DirectoryDatasets;
import org.cmgseg.affinities.io.JsonFiles;

/** Writes a Zarr v2 array (C order, little-endian, fill value 0, full-size chunks) into a hidden folder and renames it into place. */
final class ZarrWriter implements DatasetWriter {

    private final Path target;
    private final Path temporary;
    private final ZarrMetadata metadata;
    private boolean committed;

    ZarrWriter(Path target, String where, DatasetInfo info, String separator) throws IOException {
        this.target = target;
        this.temporary = DirectoryDatasets.temporaryFor(target);
        com.google.gson.JsonObject json = ZarrMetadata.json(info, separator);
        this.metadata = ZarrMetadata.parse(json, where);
        JsonFiles.write(temporary.resolve(ZarrContainer.ARRAY), json);
    }

    @Override
    public DatasetInfo info() {
        return metadata.info();
    }

    @Override
    public void write(long[] offset, int[] size, Object data) throws IOException {
        DatasetInfo info = metadata.info();
        int rank = info.axes();
        long[] position = new long[rank];
        for (int d = 0; d < rank; d++) {
            position[d] = offset[d] / info.blockSize()[d];
            int expected = (int) Math.min(info.blockSize()[d], info.dimensions()[d] - offset[d]);
            if (offset[d] % info.blockSize()[d] != 0 || size[d] != expected) {
                throw new IOException("Zarr writes whole chunks: region " + Arrays.toString(offset) + " + " + Arrays.toString(size)
                        + " is not a chunk of the grid " + Arrays.toString(info.blockSize()));
            }
        }
        Object chunk = data;
        if (!Arrays.equals(size, info.blockSize())) {
            chunk = metadata.filledChunk(Arrays.stream(info.blockSize()).reduce(1, (a, b) -> a * b));
            Boxes.copy(data, size, new int[rank], chunk, info.blockSize(), new int[rank], size);
        }
        Path file = temporary.resolve(ZarrDataset.key(position, metadata.separator()));
        Files.createDirectories(file.getParent());
        Files.write(file, metadata.codec().encode(ByteCodec.toBytes(info.dataType(), chunk, ByteOrder.LITTLE_ENDIAN)));
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
