package org.cmgseg.affinities.io.zarr;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.cmgseg.affinities.io.Boxes;
import org.cmgseg.affinities.io.ByteCodec;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.FolderDatasetWriter;
import org.cmgseg.affinities.io.JsonFiles;

/** Writes a Zarr v2 array (C order, little-endian, fill value 0, full-size chunks) into a hidden folder and renames it into place. */
final class ZarrWriter extends FolderDatasetWriter {

    private final com.google.gson.JsonObject json;
    private final ZarrMetadata metadata;

    ZarrWriter(Path target, String where, DatasetInfo info, String separator) throws IOException {
        super(target, "Zarr");
        this.json = ZarrMetadata.json(info, separator);
        this.metadata = ZarrMetadata.parse(json, where);
    }

    /** Joins the hidden folder another process's writer of {@code info} created. */
    ZarrWriter(Path partial, DatasetInfo info, String separator) throws IOException {
        super("Zarr", partial);
        this.json = ZarrMetadata.json(info, separator);
        this.metadata = ZarrMetadata.parse(json, partial.toString());
    }

    @Override
    protected void writeMetadata() throws IOException {
        JsonFiles.write(temporary.resolve(ZarrContainer.ARRAY), json);
    }

    @Override
    public DatasetInfo info() {
        return metadata.info();
    }

    @Override
    protected void writeBlock(long[] position, int[] size, Object data) throws IOException {
        DatasetInfo info = metadata.info();
        Object chunk = data;
        if (!Arrays.equals(size, info.blockSize())) {
            chunk = metadata.filledChunk(Arrays.stream(info.blockSize()).reduce(1, (a, b) -> a * b));
            Boxes.copy(data, size, new int[size.length], chunk, info.blockSize(), new int[size.length], size);
        }
        Path file = temporary.resolve(ZarrDataset.key(position, metadata.separator()));
        createFoldersFor(file);
        Files.write(file, metadata.codec().encode(ByteCodec.toBytes(info.dataType(), chunk, ByteOrder.LITTLE_ENDIAN)));
    }
}
