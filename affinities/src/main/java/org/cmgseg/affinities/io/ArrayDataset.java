package org.cmgseg.affinities.io;

import java.io.IOException;

/**
 * A dataset held in one primitive array (fastest axis first), so that code written against
 * {@link Dataset} runs on in-memory volumes too. The array is shared, not copied.
 */
public final class ArrayDataset implements Dataset {

    private final DatasetInfo info;
    private final Object array;

    public ArrayDataset(long[] dimensions, DataType type, Object array) {
        long n = 1;
        int[] block = new int[dimensions.length];
        for (int d = 0; d < dimensions.length; d++) {
            n *= dimensions[d];
            block[d] = (int) Math.max(1, dimensions[d]);
        }
        if (type.length(array) != n) {
            throw new IllegalArgumentException("an array of " + type.length(array) + " elements cannot hold dimensions "
                    + java.util.Arrays.toString(dimensions));
        }
        this.info = new DatasetInfo(dimensions, block, type, Compression.RAW);
        this.array = array;
    }

    @Override
    public DatasetInfo info() {
        return info;
    }

    @Override
    public Object read(long[] offset, int[] size) throws IOException {
        long[] dims = info.dimensions();
        int n = 1;
        int[] from = new int[size.length];
        int[] arrayDims = new int[size.length];
        for (int d = 0; d < size.length; d++) {
            if (offset[d] < 0 || offset[d] + size[d] > dims[d]) {
                throw new IOException("region outside the array's dimensions " + java.util.Arrays.toString(dims));
            }
            n *= size[d];
            from[d] = (int) offset[d];
            arrayDims[d] = (int) dims[d];
        }
        Object out = info.dataType().allocate(n);
        Boxes.copy(array, arrayDims, from, out, size, new int[size.length], size);
        return out;
    }
}
