package org.cmgseg.affinities.source;

/**
 * The affinities of a range of z-slices: channel c of voxel v (a flat index of the whole volume)
 * is {@code values[offset(c) + v]}. A slab of an in-memory volume is a view of its array.
 */
public record AffinitySlab(float[] values, int channelStride, int firstVoxel) {

    public int offset(int channel) {
        return channel * channelStride - firstVoxel;
    }
}
