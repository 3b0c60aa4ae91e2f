package org.cmgseg.segmentation.fragments;

import java.io.IOException;
import org.cmgseg.affinities.source.AffinitySlab;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.affinities.source.SlabStream;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;
import org.cmgseg.core.VoxelGrid;

/**
 * The distance-transform seeded watersheds of the published pipelines, step for step.
 * <p>
 * {@link #perSlice}: the "maxima_distance" watershed of the MALA / CREMI scripts, which the CMG paper
 * used. Per z-slice, {@code b = 1 - (aff_y + aff_x) / 2} (float32); seeds are the regional maxima
 * ({@link RegionalMaxima}, 4-connected plateaus) of the squared Euclidean distance transform of
 * {@code b < 0.5}, numbered in raster order ({@link ConnectedComponents}); {@link SeededWatershed}
 * floods b from them. Slices are numbered one after the other, so ids are in slice order, then in
 * raster order within a slice. A slice that is all boundary is one plateau, hence one fragment.
 * <p>
 * {@link #volume}: lsd's 3D variant ({@code watershed_from_affinities(affs, max_affinity_value=1.0,
 * fragments_in_xy=False, min_seed_distance=10)} of funkelab/lsd, {@code lsd/post/fragments.py}).
 * Inside is {@code (aff_z + aff_y + aff_x) / 3 > 0.5} (float32, numpy's mean); the Euclidean distance
 * transform of inside is taken with unit spacing (lsd passes no sampling, so voxels count as cubes
 * whatever the resolution); seeds are the voxels that equal the maximum of the 10 x 10 x 10 cube
 * around them ({@link WindowMaxima}; this includes boundary voxels, of distance 0, whose whole cube is
 * boundary), in 6-connected components numbered in raster order; the flooding is that of
 * {@code max(distance) - distance}, farthest from a boundary first, over every voxel (lsd sets no
 * mask).
 */
public final class DistanceTransformWatershed {

    private static final float BOUNDARY = 0.5f;
    /** lsd's {@code min_seed_distance}: the edge of the cube a seed is the maximum of. */
    private static final int SEED_WINDOW = 10;

    private DistanceTransformWatershed() {
    }

    /** Reports progress as stage "fragments": five passes over the voxels. */
    public static Fragments perSlice(AffinitySource affinities, RunContext context) throws IOException {
        VoxelGrid grid = affinities.grid();
        Task task = context.task("fragments", 5 * grid.voxels());
        RunContext perSlice = context.withThreads(1);
        int slice = grid.sizeX() * grid.sizeY();
        Box box = new Box(grid.sizeX(), grid.sizeY(), 1);
        int[] ids = new int[grid.arrayLength(1)];
        int[] seedCounts = new int[grid.sizeZ()];
        int depth = affinities.slabDepth();
        try (SlabStream slabs = affinities.slabs(context)) {
            for (int z0 = 0; z0 < grid.sizeZ(); z0 += depth) {
                int first = z0;
                AffinitySlab slab = slabs.next();
                context.forEach(Math.min(depth, grid.sizeZ() - z0), k -> slice(slab, first + k, box, ids, seedCounts, perSlice, task));
            }
        }
        int[] offsets = new int[grid.sizeZ()];
        int total = 0;
        for (int z = 0; z < offsets.length; z++) {
            offsets[z] = total;
            total = Math.addExact(total, seedCounts[z]);
        }
        context.forEach(grid.sizeZ(), z -> {
            for (int v = z * slice, end = v + slice; v < end; v++) {
                ids[v] += offsets[z];
            }
        });
        task.finish();
        return new Fragments(grid, ids, total, null);
    }

    /** Reports progress as stage "fragments": nine passes over the voxels. */
    public static Fragments volume(AffinitySource affinities, RunContext context) throws IOException {
        VoxelGrid grid = affinities.grid();
        Task task = context.task("fragments", 9 * grid.voxels());
        int slice = grid.sizeX() * grid.sizeY();
        boolean[] inside = new boolean[grid.arrayLength(1)];
        int depth = affinities.slabDepth();
        try (SlabStream slabs = affinities.slabs(context)) {
            for (int z0 = 0; z0 < grid.sizeZ(); z0 += depth) {
                int z1 = Math.min(z0 + depth, grid.sizeZ());
                AffinitySlab slab = slabs.next();
                float[] a = slab.values();
                for (int v = z0 * slice, end = z1 * slice; v < end; v++) {
                    inside[v] = (a[slab.offset(0) + v] + a[slab.offset(1) + v] + a[slab.offset(2) + v]) / 3f > BOUNDARY;
                }
                task.advance((long) (z1 - z0) * slice);
            }
        }
        Box box = new Box(grid.sizeX(), grid.sizeY(), grid.sizeZ());
        int[] distance = EuclideanDistanceTransform.squared(inside, box.sx(), box.sy(), box.sz(), context, task);
        int[] ids = new int[inside.length];
        int count = ConnectedComponents.label(WindowMaxima.of(distance, box, SEED_WINDOW, context, task), box, ids, task);
        for (int v = 0; v < distance.length; v++) {
            distance[v] = -distance[v];
        }
        SeededWatershed.flood(distance, box, ids, task);
        task.finish();
        return new Fragments(grid, ids, count, null);
    }

    /** Seeds and floods slice z on its own; its ids, numbered from 1, go into {@code ids}, its seed count into {@code seedCounts[z]}. */
    private static void slice(AffinitySlab slab, int z, Box box, int[] ids, int[] seedCounts, RunContext context, Task task) {
        float[] a = slab.values();
        int slice = box.sx() * box.sy();
        int first = z * slice;
        boolean[] inside = new boolean[slice];
        int[] priority = new int[slice];
        for (int i = 0; i < slice; i++) {
            float boundary = 1f - (a[slab.offset(1) + first + i] + a[slab.offset(2) + first + i]) / 2f;
            inside[i] = boundary < BOUNDARY;
            priority[i] = SeededWatershed.priority(boundary);
        }
        int[] distance = EuclideanDistanceTransform.squared(inside, box.sx(), box.sy(), 1, context, task);
        int[] labels = new int[slice];
        seedCounts[z] = ConnectedComponents.label(RegionalMaxima.of(distance, box), box, labels, task);
        SeededWatershed.flood(priority, box, labels, task);
        System.arraycopy(labels, 0, ids, first, slice);
    }
}
