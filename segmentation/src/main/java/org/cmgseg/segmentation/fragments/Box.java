package org.cmgseg.segmentation.fragments;

/** A 1, 2 or 3D box of voxels, x fastest: index {@code (z * sy + y) * sx + x}; sz = 1 for an image. */
record Box(int sx, int sy, int sz) {

    int voxels() {
        return sx * sy * sz;
    }

    int x(int v) {
        return v % sx;
    }

    int y(int v) {
        return (v / sx) % sy;
    }

    int z(int v) {
        return v / (sx * sy);
    }

    /** The face neighbours of v (4 in 2D, 6 in 3D) into {@code out}; returns how many. */
    int faceNeighbours(int v, int[] out) {
        int x = x(v);
        int y = y(v);
        int z = z(v);
        int n = 0;
        int slice = sx * sy;
        if (z > 0) {
            out[n++] = v - slice;
        }
        if (y > 0) {
            out[n++] = v - sx;
        }
        if (x > 0) {
            out[n++] = v - 1;
        }
        if (x < sx - 1) {
            out[n++] = v + 1;
        }
        if (y < sy - 1) {
            out[n++] = v + sx;
        }
        if (z < sz - 1) {
            out[n++] = v + slice;
        }
        return n;
    }
}
