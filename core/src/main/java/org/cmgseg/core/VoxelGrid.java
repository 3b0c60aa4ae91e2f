package org.cmgseg.core;

/**
 * The size of a 3D voxel grid, and the axis convention of cmgseg, decided once:
 * <ul>
 * <li>Files hold arrays as numpy sees them: shape (z, y, x), C order, x fastest in memory.
 * Affinities are (3, z, y, x) with channel 0 = z, 1 = y, 2 = x.</li>
 * <li>imglib2 indexes the same memory in reverse order: (x, y, z) and (x, y, z, c); N5 stores its
 * dimensions in this order too.</li>
 * <li>Flat arrays in cmgseg use that common memory order: {@code index = (z * sizeY + y) * sizeX + x},
 * and channel c of a multi-channel volume starts at {@code c * voxels}.</li>
 * </ul>
 * Resolution and offset attributes follow the order of the file's own axes: (z, y, x) for HDF5 and
 * Zarr, (x, y, z) for N5.
 */
public record VoxelGrid(int sizeX, int sizeY, int sizeZ) {

    /** Flat arrays are indexed by int, so one array holds at most this many elements. */
    public static final long MAX_ARRAY_ELEMENTS = Integer.MAX_VALUE - 8;

    public VoxelGrid {
        if (sizeX < 1 || sizeY < 1 || sizeZ < 1) {
            throw new IllegalArgumentException("volume sizes must be positive, got (z, y, x) = ("
                    + sizeZ + ", " + sizeY + ", " + sizeX + ")");
        }
    }

    /** From a numpy shape (z, y, x). */
    public static VoxelGrid ofShape(long z, long y, long x) {
        if (z > Integer.MAX_VALUE || y > Integer.MAX_VALUE || x > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("volume too large for one array: (z, y, x) = (" + z + ", " + y + ", " + x + ")");
        }
        return new VoxelGrid((int) x, (int) y, (int) z);
    }

    public long voxels() {
        return (long) sizeX * sizeY * sizeZ;
    }

    /** The number of voxels as an array length; fails for grids too large for one array. */
    public int arrayLength(int channels) {
        long n = voxels() * channels;
        if (n > MAX_ARRAY_ELEMENTS) {
            throw new IllegalArgumentException("a volume of " + this + (channels > 1 ? " with " + channels + " channels" : "")
                    + " has " + n + " elements, more than one Java array holds; process it blockwise");
        }
        return (int) n;
    }

    public int index(int x, int y, int z) {
        return (z * sizeY + y) * sizeX + x;
    }

    /** The size along an axis in numpy order of a 3D array: 0 = z, 1 = y, 2 = x. */
    public int size(int axis) {
        return axis == 0 ? sizeZ : axis == 1 ? sizeY : sizeX;
    }

    /** The flat-index step of one voxel along an axis in numpy order: 0 = z, 1 = y, 2 = x. */
    public int stride(int axis) {
        return axis == 0 ? sizeX * sizeY : axis == 1 ? sizeX : 1;
    }

    /** numpy shape (z, y, x). */
    public long[] shape() {
        return new long[] {sizeZ, sizeY, sizeX};
    }

    /** imglib2 dimensions (x, y, z). */
    public long[] dimensions() {
        return new long[] {sizeX, sizeY, sizeZ};
    }

    /** Fails unless an array of the given length holds {@code channels} volumes of this grid. */
    public void requireLength(int length, int channels, String what) {
        if (length != voxels() * channels) {
            throw new IllegalArgumentException(what + " has " + length + " values, but " + (channels > 1 ? channels + " x " : "")
                    + this + " needs " + voxels() * channels);
        }
    }

    @Override
    public String toString() {
        return "(z, y, x) = (" + sizeZ + ", " + sizeY + ", " + sizeX + ")";
    }
}
