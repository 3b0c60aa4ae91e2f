package org.cmgseg.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Arrays;
import org.cmgseg.affinities.io.Boxes;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.Format;

/** One of the {@link HiddenDatasets} as a task on any machine writes into it: the format, its hidden folder, its shape. */
record BlockOutput(Format format, String partialFolder, DatasetInfo info) implements Serializable {

    /** Writes the chunks that make up {@code block} from its values (x fastest); rewriting them writes the same files again. */
    void write(Block block, Object values) throws IOException {
        int[] chunk = info.blockSize();
        try (DatasetWriter writer = Containers.joinPartial(format, Path.of(partialFolder), info)) {
            if (Arrays.equals(chunkSize(block, new int[3]), block.size())) {
                writer.write(block.offset(), block.size(), values);
                return;
            }
            int[] at = new int[3];
            for (at[2] = 0; at[2] < block.size()[2]; at[2] += chunk[2]) {
                for (at[1] = 0; at[1] < block.size()[1]; at[1] += chunk[1]) {
                    for (at[0] = 0; at[0] < block.size()[0]; at[0] += chunk[0]) {
                        int[] size = chunkSize(block, at);
                        Object part = info.dataType().allocate(size[0] * size[1] * size[2]);
                        Boxes.copy(values, block.size(), at, part, size, new int[3], size);
                        long[] offset = {block.offset()[0] + at[0], block.offset()[1] + at[1], block.offset()[2] + at[2]};
                        writer.write(offset, size, part);
                    }
                }
            }
        }
    }

    /** The size of the chunk at {@code at} inside the block, cut at the block's end. */
    private int[] chunkSize(Block block, int[] at) {
        int[] size = new int[3];
        for (int d = 0; d < 3; d++) {
            size[d] = Math.min(info.blockSize()[d], block.size()[d] - at[d]);
        }
        return size;
    }
}
