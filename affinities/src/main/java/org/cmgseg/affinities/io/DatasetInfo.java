package org.cmgseg.affinities.io;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The shape and storage of a dataset. Dimensions and block size are in imglib2 order, fastest axis
 * first (x, y, z[, c]), as N5 stores them; {@link #shape()} gives the numpy order. A dimension may be
 * 0 (Zarr and HDF5 allow it): such a dataset holds no elements and no blocks.
 */
public record DatasetInfo(long[] dimensions, int[] blockSize, DataType dataType, Compression compression) implements Serializable {

    public DatasetInfo {
        if (dimensions.length == 0 || dimensions.length != blockSize.length) {
            throw new IllegalArgumentException("dimensions " + Arrays.toString(dimensions) + " and block size "
                    + Arrays.toString(blockSize) + " must have the same, non-zero number of axes");
        }
        for (int d = 0; d < dimensions.length; d++) {
            if (dimensions[d] < 0 || blockSize[d] < 1) {
                throw new IllegalArgumentException("dimensions must be at least 0 and block sizes positive, got "
                        + Arrays.toString(dimensions) + " and " + Arrays.toString(blockSize));
            }
        }
        dimensions = dimensions.clone();
        blockSize = blockSize.clone();
    }

    /** A dataset of numpy shape {@code shape} in blocks of numpy shape {@code chunks}. */
    public static DatasetInfo ofShape(long[] shape, int[] chunks, DataType dataType, Compression compression) {
        long[] dimensions = new long[shape.length];
        int[] blockSize = new int[chunks.length];
        for (int d = 0; d < shape.length; d++) {
            dimensions[d] = shape[shape.length - 1 - d];
        }
        for (int d = 0; d < chunks.length; d++) {
            blockSize[d] = chunks[chunks.length - 1 - d];
        }
        return new DatasetInfo(dimensions, blockSize, dataType, compression);
    }

    public int axes() {
        return dimensions.length;
    }

    /** The numpy shape (slowest axis first). */
    public long[] shape() {
        long[] shape = new long[dimensions.length];
        for (int d = 0; d < shape.length; d++) {
            shape[d] = dimensions[dimensions.length - 1 - d];
        }
        return shape;
    }

    /** The numpy chunk shape (slowest axis first). */
    public int[] chunks() {
        int[] chunks = new int[blockSize.length];
        for (int d = 0; d < chunks.length; d++) {
            chunks[d] = blockSize[blockSize.length - 1 - d];
        }
        return chunks;
    }

    public long elements() {
        long n = 1;
        for (long d : dimensions) {
            n *= d;
        }
        return n;
    }

    public BlockGrid grid() {
        return new BlockGrid(dimensions, blockSize);
    }

    /** The same storage for other dimensions, data type or compression. */
    public DatasetInfo with(long[] newDimensions, DataType newType) {
        int[] block = blockSize.length == newDimensions.length ? blockSize : Arrays.copyOf(blockSize, newDimensions.length);
        for (int d = 0; d < block.length; d++) {
            block[d] = (int) Math.max(1, Math.min(block[d] == 0 ? newDimensions[d] : block[d], newDimensions[d]));
        }
        return new DatasetInfo(newDimensions, block, newType, compression);
    }

    public DatasetInfo with(Compression newCompression) {
        return new DatasetInfo(dimensions, blockSize, dataType, newCompression);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatasetInfo other && Arrays.equals(dimensions, other.dimensions)
                && Arrays.equals(blockSize, other.blockSize) && dataType == other.dataType
                && compression.equals(other.compression);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dimensions) * 31 + Arrays.hashCode(blockSize);
    }

    /** The shape as numpy prints it: "(3, 50, 100, 200)". */
    public String shapeText() {
        return "(" + String.join(", ", Arrays.stream(shape()).mapToObj(Long::toString).toList()) + ")";
    }

    @Override
    public String toString() {
        return "shape " + shapeText() + ", " + dataType.label() + ", chunks " + Arrays.toString(chunks())
                + ", " + compression;
    }
}
