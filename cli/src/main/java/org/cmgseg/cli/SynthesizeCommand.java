package org.cmgseg.cli;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.cmgseg.affinities.io.BlockGrid;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.Datasets;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.affinities.io.Geometry;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.data.MirrorTiles;
import org.cmgseg.data.SyntheticEm;
import org.cmgseg.data.SyntheticParameters;
import org.cmgseg.data.SyntheticVolume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cmgseg synthesize}: the built-in synthetic EM volume, written to a container. */
@Command(name = "synthesize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate the built-in synthetic EM volume (40 x 4 x 4 nm) and write it as ADDR_PREFIX/raw (uint8), "
                + "/labels (uint64 ground truth), /boundary (float32 boundary probability) and /affinities (float32, (3, z, y, x)), "
                + "with resolution and offset attributes. The same size and seed give the same volume everywhere. With --tiles, "
                + "the volume of --size is generated once and written mirror-tiled, chunk by chunk: memory does not grow with the tiles."},
        footer = {"", "Examples:", "  cmgseg synthesize --output synthetic.n5:/volume --size 64,256,256 --seed 1",
            "  cmgseg synthesize --output scale.n5:/volume --tiles 2,8,8 --block-size 64,256,256   (128 x 2048 x 2048, 537 Mvoxels)"})
final class SynthesizeCommand implements Callable<Integer> {

    /** Blocks of (x, y, z, channel). */
    private static final int[] BLOCK = {64, 64, 16, 1};

    @Spec
    CommandSpec spec;

    @Option(names = "--output", required = true, paramLabel = "ADDR_PREFIX", description = "Group to write the datasets into.")
    String output;

    @Option(names = "--size", defaultValue = "64,256,256", paramLabel = "Z,Y,X", description = "Voxels (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--tiles", defaultValue = "1,1,1", paramLabel = "Z,Y,X",
            description = "Copies along each axis, every other one mirrored as numpy's flips (default: ${DEFAULT-VALUE}).")
    String tiles;

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() throws IOException {
        DatasetAddress prefix = DatasetAddress.parse(output);
        if (prefix.format() == Format.TIFF) {
            throw new IllegalArgumentException("synthesize writes several datasets; give an N5, Zarr or HDF5 group, not " + prefix);
        }
        long[] dims = Volumes.dimensionsOfShape(size, 3, "--size");
        VoxelGrid grid = VoxelGrid.ofShape(dims[2], dims[1], dims[0]);
        long[] copies = Volumes.dimensionsOfShape(tiles, 3, "--tiles");
        int[] copiesXyz = new int[3];
        for (int d = 0; d < 3; d++) {
            if (copies[d] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("--tiles: " + copies[d] + " copies along one axis are too many");
            }
            copiesXyz[d] = (int) copies[d];
        }
        try (NewOutputs outputs = storage.outputs();
             ProgressBars progress = new ProgressBars(spec.commandLine().getErr())) {
            for (String name : DATASETS) {
                outputs.dataset(prefix.resolve(name));
            }
            RunContext context = storage.context(progress);
            SyntheticVolume volume = SyntheticEm.generate(SyntheticParameters.defaults().withGrid(grid).withSeed(seed), context);
            MirrorTiles tiled = new MirrorTiles(volume, copiesXyz);
            write(tiled, volume.resolutionZyx(), prefix, storage, context);
            outputs.keep();
        }
        PrintWriter out = spec.commandLine().getOut();
        Main.println(out, "synthetic volume " + grid + " seed " + seed + (copies[0] * copies[1] * copies[2] == 1 ? "" : " mirror-tiled " + tiles)
                + " -> " + prefix + "/{raw, labels, boundary, affinities}");
        return 0;
    }

    private static final List<String> DATASETS = List.of("raw", "labels", "boundary", "affinities");

    /** The volume's four datasets under a group, with resolution and offset attributes. */
    static void write(SyntheticVolume volume, DatasetAddress group, StorageOptions storage, RunContext context) throws IOException {
        write(new MirrorTiles(volume, new int[] {1, 1, 1}), volume.resolutionZyx(), group, storage, context);
    }

    /** The tiled volume's four datasets, each written a chunk at a time from the one copy in memory. */
    static void write(MirrorTiles volume, double[] resolutionZyx, DatasetAddress group, StorageOptions storage, RunContext context)
            throws IOException {
        long[] spatial = volume.dimensions();
        JsonObject geometry = Geometry.ofResolution(resolutionZyx).attributes(group.format());
        write(group.resolve("raw"), storage.output(spatial, DataType.UINT8, BLOCK, group.format()), volume::raw, geometry, context);
        write(group.resolve("labels"), storage.output(spatial, DataType.UINT64, BLOCK, group.format()), volume::labels, geometry, context);
        write(group.resolve("boundary"), storage.output(spatial, DataType.FLOAT32, BLOCK, group.format()), volume::boundary, geometry,
                context);
        long[] channels = {spatial[0], spatial[1], spatial[2], AffinityGraph.CHANNELS};
        write(group.resolve("affinities"), storage.output(channels, DataType.FLOAT32, BLOCK, group.format()), volume::affinities, geometry,
                context);
    }

    /** What a dataset's chunk holds: a region (fastest axis first) as an array of the dataset's type. */
    @FunctionalInterface
    interface Chunks {
        Object region(long[] offset, int[] size);
    }

    /** Writes every chunk of {@code writer}'s block grid from {@code chunks}, one at a time, reporting them as task "write". */
    static void writeChunks(DatasetWriter writer, Chunks chunks, RunContext context) throws IOException {
        BlockGrid grid = writer.info().grid();
        Task task = context.task("write", grid.blocks());
        for (long b = 0; b < grid.blocks(); b++) {
            long[] position = grid.position(b);
            long[] offset = grid.offset(position);
            int[] size = grid.size(position);
            writer.write(offset, size, chunks.region(offset, size));
            task.advance(1);
        }
    }

    private static void write(DatasetAddress address, DatasetInfo info, Chunks chunks, JsonObject attributes, RunContext context)
            throws IOException {
        write(address, info, writer -> writeChunks(writer, chunks, context), attributes);
    }

    /** An affinity graph as a (3, z, y, x) float32 dataset. */
    static void writeAffinities(DatasetAddress address, AffinityGraph affinities, JsonObject attributes, StorageOptions storage,
            RunContext context) throws IOException {
        VoxelGrid grid = affinities.grid();
        long[] channels = {grid.sizeX(), grid.sizeY(), grid.sizeZ(), AffinityGraph.CHANNELS};
        write(address, storage.output(channels, DataType.FLOAT32, BLOCK, address.format()),
                writer -> Datasets.writeAll(writer, affinities.values(), context), attributes);
    }

    private interface Fill {
        void into(DatasetWriter writer) throws IOException;
    }

    private static void write(DatasetAddress address, DatasetInfo info, Fill fill, JsonObject attributes) throws IOException {
        try (Volumes.Output out = Volumes.create(address, info)) {
            fill.into(out.writer());
            out.writer().commit();
            Volumes.setAttributes(out, address, attributes);
        }
    }
}
