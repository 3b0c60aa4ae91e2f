package org.cmgseg.segmentation.io;

import java.io.IOException;
import org.cmgseg.affinities.AffinityGraph;
import org.cmgseg.affinities.VoxelGrid;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetInfo;

/**
 * Affinities of shape (3, z, y, x) (a dataset of dimensions (x, y, z, 3)), read in slabs of whole
 * z-slices so that no stage needs the whole volume in memory. float32 is read as it is; float64 is
 * rounded to float32 and uint8 is scaled by 1/255. The wall-clock time spent reading is counted.
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

    /** The same, the message starting with {@code where} (say, the dataset's address). */
    public static AffinitySource of(Dataset dataset, String where) {
        try {
            return of(dataset, 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** Reads slabs of {@code slabDepth} z-slices (0: what reads best), to bound memory or to test. */
    public static AffinitySource of(Dataset dataset, int slabDepth) {
        DatasetInfo info = dataset.info();
        long[] dims = info.dimensions();
        if (dims.length != 4 || dims[3] != AffinityGraph.CHANNELS) {
            throw new IllegalArgumentException("affinities must have shape (3, z, y, x), got shape " + info.shapeText());
        }
        DataType type = info.dataType();
        if (type != DataType.FLOAT32 && type != DataType.FLOAT64 && type != DataType.UINT8) {
            throw new IllegalArgumentException("affinities must be float32 (float64 and uint8 are converted), got " + type.label());
        }
        VoxelGrid grid = VoxelGrid.ofShape(dims[2], dims[1], dims[0]);
        grid.arrayLength(1);
        if (slabDepth < 0) {
            throw new IllegalArgumentException("the slab depth must be positive, got " + slabDepth);
        }
        return new AffinitySource(grid, null, dataset, slabDepth > 0 ? Math.min(slabDepth, grid.sizeZ()) : slabDepth(grid, info));
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
            values = toFloat(dataset.read(new long[] {0, 0, z0, 0}, new int[] {grid.sizeX(), grid.sizeY(), depth, AffinityGraph.CHANNELS}));
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

    private static float[] toFloat(Object array) {
        if (array instanceof float[] floats) {
            return floats;
        }
        if (array instanceof double[] doubles) {
            float[] out = new float[doubles.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) doubles[i];
            }
            return out;
        }
        byte[] bytes = (byte[]) array;
        float[] out = new float[bytes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (bytes[i] & 0xff) / 255f;
        }
        return out;
    }
}
