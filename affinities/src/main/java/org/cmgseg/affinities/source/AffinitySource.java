package org.cmgseg.affinities.source;

import java.io.IOException;
import org.cmgseg.affinities.NonFinitePolicy;
import org.cmgseg.affinities.ProbabilityView;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;

/**
 * Affinities of shape (3, z, y, x) (a dataset of dimensions (x, y, z, 3)), read in slabs of whole
 * z-slices so that no stage needs the whole volume in memory. Slabs are whole chunks deep, so that each
 * chunk is read and decompressed once per pass, and their chunks are decompressed on the threads of
 * the run context a pass is given. Every read goes through a {@link ProbabilityView}: float64 is rounded to float32, uint8 scaled
 * by 1/255, and NaN, infinities and values outside [0, 1] are found as the slabs are read. The wall-clock
 * time spent reading is counted.
 * <p>
 * A caller that will pass over the volume more than once can have the first pass keep what it read
 * ({@link #retainNextPass}): when the volume's values fit 16-bit codes of its distinct values, later passes
 * decode them, bit for bit the values the first pass read, instead of reading and decompressing the dataset again.
 */
public final class AffinitySource {

    /** Slabs of uncompressed data: about this many voxels, in whole chunks (small reads are the fastest). */
    private static final long RAW_SLAB_VOXELS = 1 << 20;

    private final VoxelGrid grid;
    private final AffinityGraph graph;
    private final Dataset dataset;
    private final int depth;
    /** The slab buffers of {@link SlabStream}s (one stream at a time), kept from one pass over the volume to the next. */
    private final float[][] buffers = new float[2][];
    private final BusyClock reading = new BusyClock();
    private boolean retainNext;
    /** The values of a whole pass, which later passes decode; null when they read the dataset. */
    private RetainedValues retained;

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

    /** The same, NaN and infinities read as {@code policy} says. */
    public static AffinitySource of(Dataset dataset, NonFinitePolicy policy, String where) {
        return of(ProbabilityView.of(dataset, policy, where), 0);
    }

    /** Reads slabs of {@code slabDepth} z-slices (0: what reads best), to bound memory or to test. */
    public static AffinitySource of(Dataset dataset, int slabDepth) {
        ProbabilityView values = dataset instanceof ProbabilityView view ? view
                : ProbabilityView.of(dataset, NonFinitePolicy.FAIL, "the affinity volume");
        DatasetInfo info = values.info();
        VoxelGrid grid = gridOf(values);
        grid.arrayLength(1);
        if (slabDepth < 0) {
            throw new IllegalArgumentException("the slab depth must be positive, got " + slabDepth);
        }
        return new AffinitySource(grid, null, values, slabDepth > 0 ? Math.min(slabDepth, grid.sizeZ()) : slabDepth(grid, info));
    }

    /** The grid of affinities (3, z, y, x), however many voxels (blockwise readers take any); fails in one line for other shapes. */
    public static VoxelGrid gridOf(ProbabilityView values) {
        DatasetInfo info = values.info();
        long[] dims = info.dimensions();
        if (dims.length != 4 || dims[3] != AffinityGraph.CHANNELS) {
            throw new IllegalArgumentException(values.where() + " has shape " + info.shapeText() + "; affinities have shape (3, z, y, x)"
                    + (dims.length == 4 ? ": select the nearest-neighbour channels z, y, x with --channels (e.g. --channels 0,1,2)" : ""));
        }
        return VoxelGrid.ofShape(dims[2], dims[1], dims[0]);
    }

    /**
     * One chunk deep for compressed data; for raw data, as many chunks deep as make about a megavoxel. Whole
     * chunks, so that no chunk is read twice in a pass (unless a single chunk is too large for one array).
     */
    private static int slabDepth(VoxelGrid grid, DatasetInfo info) {
        long slice = (long) grid.sizeX() * grid.sizeY();
        long chunk = info.blockSize()[2];
        long chunks = info.compression().codec().equals("raw") ? Math.max(1, RAW_SLAB_VOXELS / (slice * chunk)) : 1;
        long fitting = VoxelGrid.MAX_ARRAY_ELEMENTS / (AffinityGraph.CHANNELS * slice);
        long depth = Math.min(chunk * chunks, fitting < chunk ? fitting : fitting / chunk * chunk);
        return (int) Math.max(1, Math.min(grid.sizeZ(), depth));
    }

    public VoxelGrid grid() {
        return grid;
    }

    /**
     * The number of z-slices per slab that reads best (all of them for an in-memory volume); about a megavoxel
     * when the values are retained, as decoding them does not read chunks.
     */
    public int slabDepth() {
        return retained == null ? depth : (int) Math.max(1, Math.min(grid.sizeZ(), RAW_SLAB_VOXELS / ((long) grid.sizeX() * grid.sizeY())));
    }

    /**
     * Has the next pass over the slabs (the next {@link #slabs} stream read to its end) keep its values, so that
     * the passes after it decode them, until {@link #discardRetained}. They take about a byte a value when all but
     * 255 of the volume's distinct values are rare (uint8 data, predictions quantised to a few hundred values), two
     * bytes otherwise, as long as it has at most 65536: at most {@link #retentionBytes}. A volume with more distinct
     * values (continuous float32) is not kept: the pass stops keeping at the first value that does not fit, drops
     * what it kept, and later passes read the dataset again. Nothing to keep for a volume in memory.
     */
    public void retainNextPass() {
        retainNext = dataset != null;
    }

    /** The most memory that retained values take: two bytes per value, six per voxel. */
    public long retentionBytes() {
        return 2L * AffinityGraph.CHANNELS * grid.voxels();
    }

    /** Whether passes decode retained values rather than read the dataset. */
    public boolean retains() {
        return retained != null;
    }

    /** Frees the retained values; later passes read the dataset. */
    public void discardRetained() {
        retainNext = false;
        retained = null;
    }

    /** Slices [z0, z1), read now. */
    public AffinitySlab read(int z0, int z1, RunContext context) throws IOException {
        return load(z0, z1, -1, null, context);
    }

    /** Whether slabs are read ahead: raw data, where reading waits on the disk rather than the processor. */
    boolean readsAhead() {
        return dataset != null && retained == null && dataset.info().compression().codec().equals("raw");
    }

    /** The values for a pass that starts now to keep, or null: what {@link #retainNextPass} asked for, once. */
    RetainedValues startPass() {
        if (!retainNext || retained != null) {
            return null;
        }
        retainNext = false;
        return new RetainedValues(grid);
    }

    /**
     * Ends a pass: when it kept the whole volume, the passes after it decode that, and the slab buffers sized
     * for reading (whole chunks deep) are freed.
     */
    void endPass(RetainedValues kept) {
        if (kept != null && kept.complete()) {
            retained = kept;
            buffers[0] = null;
            buffers[1] = null;
        }
    }

    /**
     * Slices [z0, z1), read (or decoded from the retained values) into slab buffer {@code buffer} (0 or 1)
     * of float32 data when it is large enough, into a new array otherwise (and for buffer -1). The buffer is
     * then that array. {@code keep}, if not null, keeps what is read.
     */
    AffinitySlab load(int z0, int z1, int buffer, RetainedValues keep, RunContext context) throws IOException {
        context.checkCancelled();
        if (graph != null) {
            return new AffinitySlab(graph.values(), (int) grid.voxels(), 0);
        }
        int depth = z1 - z0;
        long[] offset = {0, 0, z0, 0};
        int[] size = {grid.sizeX(), grid.sizeY(), depth, AffinityGraph.CHANNELS};
        float[] reuse = buffer < 0 ? null : buffers[buffer];
        int length = AffinityGraph.CHANNELS * depth * grid.sizeX() * grid.sizeY();
        boolean fits = reuse != null && reuse.length >= length;
        float[] values;
        reading.start();
        try {
            if (retained != null) {
                values = fits ? reuse : new float[length];
                retained.decode(z0, z1, values, context);
            } else {
                values = (float[]) (fits ? dataset.readInto(offset, size, context, reuse) : dataset.read(offset, size, context));
                if (keep != null) {
                    keep.keep(values, z0, z1, context);
                }
            }
        } finally {
            reading.stop();
        }
        if (buffer >= 0) {
            buffers[buffer] = values;
        }
        int sliceVoxels = grid.sizeX() * grid.sizeY();
        return new AffinitySlab(values, sliceVoxels * depth, sliceVoxels * z0);
    }

    /**
     * The slabs in order (see {@link SlabStream}), read with the context; one stream at a time, as streams
     * share the source's buffers.
     */
    public SlabStream slabs(RunContext context) {
        return new SlabStream(this, context);
    }

    /** Wall-clock seconds so far during which a read was running (on any thread; overlapping reads count once). */
    public double readSeconds() {
        return reading.seconds();
    }
}
