package org.cmgseg.segmentation.fragments;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.cmgseg.affinities.VoxelGrid;
import org.cmgseg.segmentation.io.AffinitySlab;
import org.cmgseg.segmentation.io.AffinitySource;
import org.cmgseg.segmentation.io.SlabStream;
import org.cmgseg.cmg.Parallel;

/**
 * The distance-transform seeded watershed of the MALA / CREMI scripts. From a boundary map b, seeds
 * are the regional maxima of the exact Euclidean distance transform of {@code b < 0.5} (the distance
 * to the nearest boundary voxel), and a seeded watershed floods b from them. Per z-slice,
 * {@code b = 1 - (aff_y + aff_x) / 2} and ids are made unique across slices by numbering the slices'
 * seeds one after the other (slice order, then raster order within a slice); in 3D,
 * {@code b = 1 - (aff_z + aff_y + aff_x) / 3}. A slice (or volume) without any seed stays background.
 */
public final class DistanceTransformWatershed {

    private static final float BOUNDARY = 0.5f;

    private DistanceTransformWatershed() {
    }

    public static Fragments perSlice(AffinitySource affinities, int threads) throws IOException {
        VoxelGrid grid = affinities.grid();
        int slice = grid.sizeX() * grid.sizeY();
        Box box = new Box(grid.sizeX(), grid.sizeY(), 1);
        int[] ids = new int[grid.arrayLength(1)];
        int[] seedCounts = new int[grid.sizeZ()];
        try {
            Parallel.forEach(grid.sizeZ(), threads, z -> {
                AffinitySlab slab = read(affinities, z, z + 1);
                float[] boundary = new float[slice];
                int first = z * slice;
                for (int i = 0; i < slice; i++) {
                    boundary[i] = 1f - (slab.values()[slab.offset(1) + first + i] + slab.values()[slab.offset(2) + first + i]) / 2f;
                }
                int[] labels = new int[slice];
                seedCounts[z] = fragments(boundary, box, labels, 1);
                System.arraycopy(labels, 0, ids, first, slice);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        int[] offsets = new int[grid.sizeZ()];
        int total = 0;
        for (int z = 0; z < offsets.length; z++) {
            offsets[z] = total;
            total = Math.addExact(total, seedCounts[z]);
        }
        Parallel.forEach(grid.sizeZ(), threads, z -> {
            for (int v = z * slice, end = v + slice; v < end; v++) {
                if (ids[v] != 0) {
                    ids[v] += offsets[z];
                }
            }
        });
        return new Fragments(grid, ids, total, null);
    }

    public static Fragments volume(AffinitySource affinities, int threads) throws IOException {
        VoxelGrid grid = affinities.grid();
        int slice = grid.sizeX() * grid.sizeY();
        float[] boundary = new float[grid.arrayLength(1)];
        int depth = affinities.slabDepth();
        try (SlabStream slabs = affinities.slabs()) {
            for (int z0 = 0; z0 < grid.sizeZ(); z0 += depth) {
                int z1 = Math.min(z0 + depth, grid.sizeZ());
                AffinitySlab slab = slabs.next();
                float[] a = slab.values();
                for (int v = z0 * slice, end = z1 * slice; v < end; v++) {
                    boundary[v] = 1f - (a[slab.offset(0) + v] + a[slab.offset(1) + v] + a[slab.offset(2) + v]) / 3f;
                }
            }
        }
        int[] ids = new int[boundary.length];
        int count = fragments(boundary, new Box(grid.sizeX(), grid.sizeY(), grid.sizeZ()), ids, threads);
        return new Fragments(grid, ids, count, null);
    }

    /** Seeds and flooding of one boundary map; returns the number of fragments. */
    private static int fragments(float[] boundary, Box box, int[] labels, int threads) {
        boolean[] inside = new boolean[boundary.length];
        for (int i = 0; i < inside.length; i++) {
            inside[i] = boundary[i] < BOUNDARY;
        }
        int[] distance = EuclideanDistanceTransform.squared(inside, box.sx(), box.sy(), box.sz(), threads);
        int seeds = RegionalMaxima.label(distance, box, labels);
        SeededWatershed.flood(boundary, box, labels);
        return seeds;
    }

    private static AffinitySlab read(AffinitySource affinities, int z0, int z1) {
        try {
            return affinities.read(z0, z1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
