package org.cmgseg.segmentation.io;

import java.io.IOException;
import java.util.Arrays;
import org.cmgseg.affinities.Blockwise;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.core.RunContext;
import org.cmgseg.segmentation.fragments.Fragments;

/**
 * Writes a label volume block by block, voxel v getting {@code labelOfIndex[ids[v]]}: the fragments
 * themselves, or a segmentation given its fragment-to-segment map. Only one block is in memory at
 * a time per thread. The caller commits the writer.
 */
public final class LabelWriter {

    private LabelWriter() {
    }

    public static void write(Fragments fragments, long[] labelOfIndex, DatasetWriter writer, RunContext context) throws IOException {
        DatasetInfo info = writer.info();
        if (!Arrays.equals(info.dimensions(), fragments.grid().dimensions())) {
            throw new IllegalArgumentException("cannot write labels of " + fragments.grid() + " into a dataset of shape "
                    + info.shapeText());
        }
        if (info.dataType() != DataType.UINT64 && info.dataType() != DataType.INT64) {
            throw new IllegalArgumentException("labels are written as uint64, not " + info.dataType().label());
        }
        int[] ids = fragments.ids();
        int sx = fragments.grid().sizeX();
        int sy = fragments.grid().sizeY();
        Blockwise.generate(writer, (offset, size) -> {
            long[] data = new long[size[0] * size[1] * size[2]];
            int i = 0;
            for (int z = 0; z < size[2]; z++) {
                for (int y = 0; y < size[1]; y++) {
                    int row = (int) (((offset[2] + z) * sy + offset[1] + y) * sx + offset[0]);
                    for (int x = 0; x < size[0]; x++) {
                        data[i++] = labelOfIndex[ids[row + x]];
                    }
                }
            }
            return data;
        }, context, "write");
    }
}
