package org.cmgseg.affinities.io;

import java.io.IOException;
import org.cmgseg.core.RunContext;

/** Label volumes (ground truth, segmentations, fragments) as uint64, whatever integer type they are stored in. */
public final class Labels {

    private Labels() {
    }

    /** The whole 3D dataset as labels, read with a run context; unsigned types keep their unsigned values. */
    public static long[] read(Dataset dataset, String where, RunContext context) throws IOException {
        check(dataset.info(), where);
        Object values = dataset.readAll(context);
        DataType type = dataset.info().dataType();
        if (type.bytes() == 8) {
            return (long[]) values;
        }
        long[] labels = new long[type.length(values)];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = unsigned(type, values, i);
        }
        return labels;
    }

    /** Fails with one line naming {@code where} unless the dataset is a 3D integer volume that holds voxels. */
    public static void check(DatasetInfo info, String where) {
        if (info.axes() != 3) {
            throw new IllegalArgumentException(where + " has shape " + info.shapeText() + "; labels are 3D (z, y, x)");
        }
        if (info.dataType().floating()) {
            throw new IllegalArgumentException(where + " is " + info.dataType().label() + "; labels are integers");
        }
        if (info.elements() == 0) {
            throw new IllegalArgumentException(where + " has shape " + info.shapeText() + ": it holds no voxels");
        }
    }

    /**
     * Element i of an integer array of the given type as a uint64 label: unsigned types keep their
     * value, signed types their two's complement bits.
     */
    public static long unsigned(DataType type, Object array, int i) {
        return switch (type) {
            case UINT8 -> ((byte[]) array)[i] & 0xffL;
            case INT8 -> ((byte[]) array)[i];
            case UINT16 -> ((short[]) array)[i] & 0xffffL;
            case INT16 -> ((short[]) array)[i];
            case UINT32 -> ((int[]) array)[i] & 0xffffffffL;
            case INT32 -> ((int[]) array)[i];
            case UINT64, INT64 -> ((long[]) array)[i];
            default -> throw new IllegalArgumentException(type.label() + " is not an integer type");
        };
    }
}
