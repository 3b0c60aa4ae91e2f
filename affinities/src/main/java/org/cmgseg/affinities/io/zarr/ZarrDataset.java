package org.cmgseg.affinities.io.zarr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.cmgseg.affinities.io.Boxes;
import org.cmgseg.affinities.io.ByteCodec;
import org.cmgseg.affinities.io.ChunkedDataset;
import org.cmgseg.affinities.io.ChunkedReads;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.core.RunContext;

/** A Zarr v2 array: full-size chunks named by their numpy-order grid index; missing chunks hold the fill value. */
final class ZarrDataset implements ChunkedDataset {

    private final Path folder;
    private final String where;
    private final ZarrMetadata metadata;

    ZarrDataset(Path folder, String where, ZarrMetadata metadata) {
        this.folder = folder;
        this.where = where;
        this.metadata = metadata;
    }

    @Override
    public DatasetInfo info() {
        return metadata.info();
    }

    /** The chunk key of a grid position given fastest axis first: numpy order, joined by the separator. */
    static String key(long[] position, String separator) {
        StringBuilder key = new StringBuilder();
        for (int d = position.length - 1; d >= 0; d--) {
            key.append(position[d]).append(d > 0 ? separator : "");
        }
        return key.toString();
    }

    private Object chunk(long[] position) throws IOException {
        DatasetInfo info = metadata.info();
        int n = Arrays.stream(info.blockSize()).reduce(1, (a, b) -> a * b);
        Path file = folder.resolve(key(position, metadata.separator()));
        if (!Files.exists(file)) {
            return metadata.filledChunk(n);
        }
        String what = where + " chunk " + key(position, metadata.separator());
        byte[] raw;
        try {
            raw = metadata.codec().decode(Files.readAllBytes(file), n * info.dataType().bytes());
        } catch (IOException e) {
            throw new IOException(what + ": " + e.getMessage());
        }
        if (raw.length != n * info.dataType().bytes()) {
            throw new IOException(what + " holds " + raw.length + " bytes, " + n * info.dataType().bytes() + " expected");
        }
        Object elements = ByteCodec.toArray(info.dataType(), raw, 0, n, metadata.byteOrder());
        if (metadata.fortran()) {
            int[] reversed = new int[info.axes()];
            for (int d = 0; d < reversed.length; d++) {
                reversed[d] = info.blockSize()[info.axes() - 1 - d];
            }
            elements = Boxes.reverseAxes(info.dataType(), elements, reversed);
        }
        return elements;
    }

    @Override
    public Object readInto(long[] offset, int[] size, RunContext context, Object target) throws IOException {
        return ChunkedReads.read(metadata.info(), offset, size, where, context, target,
                position -> new ChunkedReads.Chunk(chunk(position), metadata.info().blockSize()));
    }
}
