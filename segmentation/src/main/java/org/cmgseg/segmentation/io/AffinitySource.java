package org.cmgseg.segmentation.io;

import java.io.IOException;
import org.cmgseg.affinities.AffinityGraph;
import org.cmgseg.affinities.NonFinitePolicy;
import org.cmgseg.affinities.ProbabilityView;
import org.cmgseg.affinities.VoxelGrid;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetInfo;

/**
 * Affinities of shape (3, z, y, x) (a dataset of dimensions (x, y, z, 3)), read in slabs of whole
 * z-slices so that no stage needs the whole volume in memory. Every read goes through a
 * {@link ProbabilityView}: float64 is rounded to float32, uint8 scaled by 1/255, and NaN, infinities
 * and values outside [0, 1] are found as the slabs are read. The wall-clock time spent reading is counted.
 */
public final class AffinitySource {

    /** Slabs of uncompressed data: about this many voxels (small reads are the fastest). */
    private static final long RAW_SLAB_VOXELS = 1 << 20;

    private final VoxelGrid grid;
    private final AffinityGraph graph;
    private final Dataset dataset;
    private final int depth;
    private final BusyClock reading = new BusyClock();

    private AffinitySource(VoxelGrid grid, AffinityGraph graph, Dataset dataset, int depth) {
        this.grid = grid;
        this.graph = graph;
        this.dataset = dataset;
        this.depth = depth;
    }

    public static AffinitySource of(AffinityGraph graph) {
        return new AffinitySource(graph.grid(), graph, null, graph.grid().sizeZ());
    }

    /** Fails with a one-line message unless the dataset holds affinities (3, z, y, x) of a usable type. */
    public static AffinitySource of(Dataset dataset) {
        return of(dataset, 0);
    }

    /** The same, messages naming {@code where} (say, the dataset's address). */
    public static AffinitySource of(Dataset dataset, String where) {
        return of(dataset, NonFinitePolicy.FAIL, where);
    }

    /** The same, NaN and infinities read as {@code policy} says, messages naming {@code where} (say, the dataset's address). */
    public static AffinitySource of(Dataset dataset, NonFinitePolicy policy, String where) {
        return of(ProbabilityView.of(dataset, policy, where), 0);
    }

    /** Reads slabs of {@code slabDepth} z-slices (0: what reads best), to bound memory or to test. */
    public static AffinitySource of(Dataset dataset, int slabDepth) {
        ProbabilityView values = dataset instanceof ProbabilityView view ? view
                : ProbabilityView.of(dataset, NonFinitePolicy.FAIL, "the affinity volume");
        DatasetInfo info = values.info();
        long[] dims = info.dimensions();
        if (dims.length != 4 || dims[3] != AffinityGraph.CHANNELS) {
            throw new IllegalArgumentException(values.where() + " has shape " + info.shapeText() + "; affinities have shape (3, z, y, x)"
                    + (dims.length == 4 ? ": select the nearest-neighbour channels z, y, x with --channels (e.g. --channels 0,1,2)" : ""));
        }
        VoxelGrid grid = VoxelGrid.ofShape(dims[2], dims[1], dims[0]);
        grid.arrayLength(1);
        if (slabDepth < 0) {
            throw new IllegalArgumentException("the slab depth must be positive, got " + slabDepth);
        }
        return new AffinitySource(grid, null, values, slabDepth > 0 ? Math.min(slabDepth, grid.sizeZ()) : slabDepth(grid, info));
    }

    /** About a megavoxel of raw data; one chunk deep for compressed data, so that each chunk is decompressed once. */
    private static int slabDepth(VoxelGrid grid, DatasetInfo info) {
        long slice = (long) grid.sizeX() * grid.sizeY();
        long depth = info.compression().codec().equals("raw") ? RAW_SLAB_VOXELS / slice : info.blockSize()[2];
        long fitting = VoxelGrid.MAX_ARRAY_ELEMENTS / (AffinityGraph.CHANNELS * slice);
        return (int) Math.max(1, Math.min(Math.min(grid.sizeZ(), depth), fitting));
    }

    public VoxelGrid grid() {
        return grid;
    }

    /** The number of z-slices per slab that reads best (all of them for an in-memory volume). */
    public int slabDepth() {
        return depth;
    }

    /** Slices [z0, z1), read now. */
    public AffinitySlab read(int z0, int z1) throws IOException {
        return load(z0, z1);
    }

    AffinitySlab load(int z0, int z1) throws IOException {
        if (graph != null) {
            return new AffinitySlab(graph.values(), (int) grid.voxels(), 0);
        }
        int depth = z1 - z0;
        float[] values;
        reading.start();
        try {
            values = (float[]) dataset.read(new long[] {0, 0, z0, 0},
                    new int[] {grid.sizeX(), grid.sizeY(), depth, AffinityGraph.CHANNELS});
        } finally {
            reading.stop();
        }
        int sliceVoxels = grid.sizeX() * grid.sizeY();
        return new AffinitySlab(values, sliceVoxels * depth, sliceVoxels * z0);
    }

    /** The slabs in order, each read while the one before is processed. */
    public SlabStream slabs() {
        return new SlabStream(this);
    }

    /** Wall-clock seconds so far during which a read was running (on any thread; overlapping reads count once). */
    public double readSeconds() {
        return reading.seconds();
    }
}
