package org.cmgseg.affinities.io;

/**
 * Copies of boxes between primitive arrays that hold n-dimensional arrays, fastest axis first:
 * the block of a dataset into a region being read, a region into a block being written.
 */
public final class Boxes {

    private Boxes() {
    }

    /**
     * Copies the box of {@code size} at {@code from} in {@code source} (dimensions {@code sourceDims}) to
     * {@code to} in {@code target} (dimensions {@code targetDims}); rows along the fastest axis at once.
     */
    public static void copy(Object source, int[] sourceDims, int[] from, Object target, int[] targetDims, int[] to, int[] size) {
        int rank = size.length;
        long rows = 1;
        for (int d = 1; d < rank; d++) {
            rows *= size[d];
        }
        if (size[0] == 0 || rows == 0) {
            return;
        }
        int[] row = new int[rank];
        for (long r = 0; r < rows; r++) {
            int s = 0;
            int t = 0;
            for (int d = rank - 1; d >= 0; d--) {
                s = s * sourceDims[d] + from[d] + row[d];
                t = t * targetDims[d] + to[d] + row[d];
            }
            System.arraycopy(source, s, target, t, size[0]);
            for (int d = 1; d < rank && ++row[d] == size[d]; d++) {
                row[d] = 0;
            }
        }
    }

    /** The array with its axes in reverse order (a Fortran-order chunk to C order, and back). */
    public static Object reverseAxes(DataType type, Object source, int[] dims) {
        int n = type.length(source);
        Object target = type.allocate(n);
        int rank = dims.length;
        int[] index = new int[rank];
        int[] reversedStrides = new int[rank];
        int stride = 1;
        for (int d = rank - 1; d >= 0; d--) {
            reversedStrides[d] = stride;
            stride *= dims[d];
        }
        for (int i = 0; i < n; i++) {
            int t = 0;
            for (int d = 0; d < rank; d++) {
                t += index[d] * reversedStrides[d];
            }
            System.arraycopy(source, i, target, t, 1);
            for (int d = 0; d < rank && ++index[d] == dims[d]; d++) {
                index[d] = 0;
            }
        }
        return target;
    }
}
