package org.cmgseg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.cmgseg.affinities.Blockwise;
import org.cmgseg.affinities.io.ArrayDataset;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.DirectoryDatasets;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.affinities.io.Labels;
import org.cmgseg.affinities.io.codec.Deflate;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.affinities.source.SlabStream;
import org.cmgseg.core.Parallel;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cmgseg bench io}: write and read throughput of an affinity volume per format and compression,
 * and the peak memory of {@code cmgseg transform} on it (in a child JVM); or the read throughput of a
 * given dataset, read as segment and evaluate read it.
 */
@Command(name = "io", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Throughput (MB/s of float32 data) of writing and reading a (3, z, y, x) affinity-like volume "
                + "block by block in N5 and HDF5, raw and gzip, and the peak resident memory of 'cmgseg transform' on it.",
                "With --input: the read throughput of that dataset on --threads threads, read as 'segment' reads affinities "
                + "(in slabs of whole chunks) or as 'evaluate' reads labels (whole), in one line of key=value fields "
                + "(MB/s of the decompressed data): the time just to read and decompress the input."},
        footer = {"", "The same read with h5py (one thread), for a side-by-side run:",
                "  python3 -c \"import h5py, time; t = time.time(); a = h5py.File('affs.h5', 'r')['affs'][...]; "
                        + "print(a.nbytes / 1e6 / (time.time() - t), 'MB/s')\""})
final class BenchIoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--size", defaultValue = "100,800,800", paramLabel = "Z,Y,X", description = "Voxels (default: ${DEFAULT-VALUE}, 64 Mvoxels).")
    String size;

    @Option(names = "--block-size", defaultValue = "32,128,128", paramLabel = "Z,Y,X", description = "Blocks (default: ${DEFAULT-VALUE}).")
    String blockSize;

    @Mixin
    ThreadOptions threads;

    @Option(names = "--folder", description = "Where to write (default: a temporary folder, deleted afterwards).")
    Path folder;

    @Option(names = "--input", paramLabel = "ADDR", description = "Only read this dataset (affinities or labels) and report its read throughput.")
    String input;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (input != null) {
            return readInput();
        }
        long[] spatial = Volumes.dimensionsOfShape(size, 3, "--size");
        long[] block = Volumes.dimensionsOfShape(blockSize, 3, "--block-size");
        long[] dims = {spatial[0], spatial[1], spatial[2], 3};
        int[] blocks = {(int) block[0], (int) block[1], (int) block[2], 1};
        RunContext context = threads.context(Progress.NONE);
        int t = context.threads();
        float[] values = affinityLike(dims);
        double megabytes = values.length * 4.0 / 1e6;
        Dataset source = new ArrayDataset(dims, DataType.FLOAT32, values);
        Path dir = folder != null ? Files.createDirectories(folder) : Files.createTempDirectory("cmgseg-bench-io");
        PrintWriter out = spec.commandLine().getOut();
        Main.println(out, String.format("volume %s float32 = %.0f MB, blocks %s, %d threads", DatasetInfo.ofShape(new long[] {3, dims[2], dims[1], dims[0]}, new int[] {1, 1, 1, 1}, DataType.FLOAT32, Compression.RAW).shapeText(),
                megabytes, blockSize, t));
        Main.println(out, String.format("%-6s %-12s %12s %12s %12s", "format", "compression", "write MB/s", "read MB/s", "size on disk"));
        Path transformInput = null;
        try {
            for (Format format : new Format[] {Format.N5, Format.HDF5}) {
                for (String codec : new String[] {"raw", "gzip"}) {
                    Path path = dir.resolve(codec + format.extensions().get(0));
                    DatasetInfo info = new DatasetInfo(dims, blocks, DataType.FLOAT32, Compression.parse(codec));
                    long start = System.nanoTime();
                    try (Container container = Containers.openForWriting(path, format); DatasetWriter writer = container.create("/affinities", info)) {
                        Blockwise.map(source, writer, (b, o, s) -> b, context, "write");
                        writer.commit();
                    }
                    double write = megabytes / ((System.nanoTime() - start) / 1e9);
                    start = System.nanoTime();
                    try (Container container = Containers.open(path, format)) {
                        Blockwise.scan(container.open("/affinities"), (b, o, s) -> { }, context, "read");
                    }
                    double read = megabytes / ((System.nanoTime() - start) / 1e9);
                    Main.println(out, String.format("%-6s %-12s %12.0f %12.0f %9.0f MB", format.name(), codec, write, read, sizeOnDisk(path) / 1e6));
                    if (format == Format.N5 && codec.equals("gzip")) {
                        transformInput = path;
                    }
                }
            }
            transformMemory(transformInput, t, out);
        } finally {
            if (folder == null) {
                DirectoryDatasets.delete(dir);
            }
        }
        return 0;
    }

    private int readInput() throws IOException {
        RunContext context = threads.context(Progress.NONE);
        int t = context.threads();
        DatasetAddress address = DatasetAddress.parse(input);
        try (Containers.OpenDataset open = Containers.open(address)) {
            Dataset dataset = open.dataset();
            DatasetInfo info = dataset.info();
            boolean affinities = info.axes() == 4;
            long start = System.nanoTime();
            if (affinities) {
                // through the slab stream, as segment reads: its slab buffers are reused, not allocated per slab
                try (SlabStream slabs = AffinitySource.of(dataset, address.toString()).slabs(context)) {
                    while (slabs.hasNext()) {
                        slabs.next();
                    }
                }
            } else {
                Labels.read(dataset, address.toString(), context);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double megabytes = info.elements() * info.dataType().bytes() / 1e6;
            Main.println(spec.commandLine().getOut(), String.format(Locale.ROOT, "read_s=%.2f mb_per_s=%.0f mb=%.0f threads=%d read_as=%s "
                    + "storage=%s inflater=%s", seconds, megabytes / seconds, megabytes, t, affinities ? "affinity-slabs" : "labels",
                    dataset.storage().replace(' ', '_'), Deflate.inflater()));
        }
        return 0;
    }

    /** Smooth values in [0, 1] with some noise, so that compression behaves as on predictions. */
    private static float[] affinityLike(long[] dims) {
        int n = Math.toIntExact(dims[0] * dims[1] * dims[2] * dims[3]);
        float[] values = new float[n];
        Parallel.forRange(n, Parallel.availableThreads(), (from, to) -> {
            SplittableRandom random = new SplittableRandom(from);
            for (int i = from; i < to; i++) {
                long x = i % dims[0];
                long y = i / dims[0] % dims[1];
                long z = i / (dims[0] * dims[1]) % dims[2];
                double v = 0.5 + 0.45 * Math.sin(x / 7.0) * Math.cos(y / 11.0) * Math.sin(z / 3.0) + 0.05 * (random.nextDouble() - 0.5);
                values[i] = (float) Math.max(0, Math.min(1, v));
            }
        });
        return values;
    }

    private static long sizeOnDisk(Path path) throws IOException {
        try (var files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /**
     * Runs 'cmgseg transform' on the gzip N5 volume in a child JVM, with the default heap and with a small one, and reports
     * its peak resident memory; each run writes a dataset of its own, as transform does not replace one unasked.
     */
    private static void transformMemory(Path input, int threads, PrintWriter out) throws IOException, InterruptedException {
        for (String heap : new String[] {null, "-Xmx256m"}) {
            String output = input + ":/cmg" + (heap == null ? "" : heap);
            ChildJvm.Result run = ChildJvm.run(heap == null ? List.of() : List.of(heap), "transform", "--input", input + ":/affinities",
                    "--output", output, "--mu", "0.4", "--inflection", "0.3", "--threads", Integer.toString(threads));
            if (run.exitCode() != 0) {
                throw new IOException("cmgseg transform failed: " + run.output());
            }
            Main.println(out, String.format("cmgseg transform (%s): %.1f s, peak resident memory %.0f MB", heap == null ? "default heap" : heap,
                    run.seconds(), run.peakResidentBytes() / 1e6));
        }
    }
}
