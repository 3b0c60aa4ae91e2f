package org.cmgseg.segmentation.agglomerate;

/**
 * The region graph left after agglomeration: edge i joins regions u[i] < v[i] (dense indices of
 * their surviving fragments), sorted by (u, v), with its current score and contact area (the
 * number of voxel faces between the two regions).
 */
public record RemainingGraph(int[] u, int[] v, float[] score, long[] contactArea) {

    public int edges() {
        return u.length;
    }
}
