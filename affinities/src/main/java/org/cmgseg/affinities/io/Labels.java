package org.cmgseg.affinities.io;

import java.io.IOException;

/** Label volumes (ground truth, segmentations, fragments) as uint64, whatever integer type they are stored in. */
public final class Labels {

    private Labels() {
    }

    /** The whole 3D dataset as labels; unsigned types keep their unsigned values. */
    public static long[] read(Dataset dataset, String where) throws IOException {
        DatasetInfo info = dataset.info();
        if (info.axes() != 3) {
            throw new IllegalArgumentException(where + " has shape " + info.shapeText() + "; labels are 3D (z, y, x)");
        }
        if (info.dataType().floating()) {
            throw new IllegalArgumentException(where + " is " + info.dataType().label() + "; labels are integers");
        }
        Object values = dataset.readAll();
        DataType type = info.dataType();
        if (type.bytes() == 8) {
            return (long[]) values;
        }
        long[] labels = new long[type.length(values)];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (long) type.get(values, i);
        }
        return labels;
    }
}
