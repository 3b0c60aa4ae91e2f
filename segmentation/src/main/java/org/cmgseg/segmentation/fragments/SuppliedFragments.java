package org.cmgseg.segmentation.fragments;

import java.io.IOException;
import java.util.Arrays;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.Labels;
import org.cmgseg.core.Parallel;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.util.ArrayGrowth;
import org.cmgseg.segmentation.util.LongIntHashMap;

/**
 * Fragments given as a label volume with arbitrary uint64 labels (0 = background), read once in
 * slabs and renumbered to dense indices 1..n in the unsigned order of the labels, so that the
 * agglomeration decides exactly as it would on the labels themselves.
 */
public final class SuppliedFragments {

    private static final long SLAB_VOXELS = 1 << 22;

    private SuppliedFragments() {
    }

    /** Fails with a one-line message, naming the dataset as {@code where}, unless it holds integer labels of the grid's shape. */
    public static Fragments read(Dataset dataset, String where, VoxelGrid grid, RunContext context) throws IOException {
        DatasetInfo info = dataset.info();
        if (!Arrays.equals(info.dimensions(), grid.dimensions())) {
            throw new IllegalArgumentException(where + " has shape " + info.shapeText()
                    + " but the affinities have " + grid);
        }
        DataType type = info.dataType();
        if (type.floating()) {
            throw new IllegalArgumentException(where + " is " + type.label() + "; fragments must be integer labels (uint64 or another integer type)");
        }
        int[] ids = new int[grid.arrayLength(1)];
        LongIntHashMap provisional = new LongIntHashMap(1024);
        LabelList labels = new LabelList();
        int slice = grid.sizeX() * grid.sizeY();
        int depth = (int) Math.max(1, Math.min(grid.sizeZ(), SLAB_VOXELS / slice));
        Task task = context.task("reading " + where, grid.sizeZ());
        for (int z0 = 0; z0 < grid.sizeZ(); z0 += depth) {
            int z1 = Math.min(z0 + depth, grid.sizeZ());
            Object block = dataset.read(new long[] {0, 0, z0}, new int[] {grid.sizeX(), grid.sizeY(), z1 - z0});
            int first = z0 * slice;
            int n = (z1 - z0) * slice;
            for (int i = 0; i < n; i++) {
                long label = Labels.unsigned(type, block, i);
                if (label == 0) {
                    continue;
                }
                int id = provisional.get(label);
                if (id == LongIntHashMap.ABSENT) {
                    id = labels.add(label);
                    provisional.put(label, id);
                }
                ids[first + i] = id;
            }
            task.advance(z1 - z0);
        }
        return renumber(grid, ids, labels.toArray(), context);
    }

    /** Provisional ids 1..n (in order of appearance) become ranks in the unsigned order of the labels. */
    private static Fragments renumber(VoxelGrid grid, int[] ids, long[] labelOfProvisional, RunContext context) {
        int count = labelOfProvisional.length;
        long[] sorted = new long[count];
        for (int i = 0; i < count; i++) {
            sorted[i] = labelOfProvisional[i] ^ Long.MIN_VALUE;
        }
        Arrays.sort(sorted);
        long[] labels = new long[count + 1];
        for (int i = 0; i < count; i++) {
            labels[i + 1] = sorted[i] ^ Long.MIN_VALUE;
        }
        int[] rank = new int[count + 1];
        for (int p = 0; p < count; p++) {
            rank[p + 1] = Arrays.binarySearch(sorted, labelOfProvisional[p] ^ Long.MIN_VALUE) + 1;
        }
        int n = ids.length;
        int tasks = Math.max(1, Math.min(4 * context.threads(), n >> 16));
        context.forEach(tasks, t -> {
            for (int v = Parallel.partStart(n, tasks, t), end = Parallel.partStart(n, tasks, t + 1); v < end; v++) {
                ids[v] = rank[ids[v]];
            }
        });
        return new Fragments(grid, ids, count, labels);
    }

    /** Labels in order of appearance; provisional id i + 1 is element i. */
    private static final class LabelList {
        private long[] labels = new long[1024];
        private int size;

        int add(long label) {
            if (size == labels.length) {
                labels = Arrays.copyOf(labels, ArrayGrowth.next(size, size + 1));
            }
            labels[size++] = label;
            return size;
        }

        long[] toArray() {
            return Arrays.copyOf(labels, size);
        }
    }
}
