package org.cmgseg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cmgseg.affinities.Progress;
import org.cmgseg.affinities.VoxelGrid;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.Datasets;
import org.cmgseg.affinities.io.DirectoryDatasets;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.data.SyntheticEm;
import org.cmgseg.data.SyntheticParameters;
import org.cmgseg.data.SyntheticVolume;
import org.cmgseg.segmentation.BenchmarkReport;
import org.cmgseg.segmentation.SegmentationBenchmark;
import org.cmgseg.segmentation.SegmentationOptions;
import org.cmgseg.segmentation.io.AffinitySource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cmgseg bench segment}: the whole segmentation pipeline, output not written, per merge function
 * and thread count, each in a JVM of its own so that its peak memory is its own.
 */
@Command(name = "segment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Seconds per stage (read, fragments, graph, agglomeration over all thresholds, labels: every threshold's "
                + "fragment-to-segment map) and peak memory of 'cmgseg segment' without writing output, for each merge function and "
                + "thread count, each run in a JVM of its own, started as the cmgseg launcher starts it (serial collector; heap "
                + "limit --heap). The volume is read from a file or made synthetic and stored raw in a temporary N5 container."},
        footer = {"", "Reference, waterz on this machine type (1 thread, 64 Mvoxels, 9 thresholds, its own watershed included): "
                + "30-38 s per merge function, peak RSS 1.8 GB (2.6 GB with histograms)."})
final class BenchSegmentCommand implements Callable<Integer> {

    private static final String HEADER = String.format(Locale.ROOT, "%-30s %7s %6s %9s %6s %12s %6s %7s %7s %8s %9s %9s %9s %8s",
            "merge function", "threads", "read", "fragments", "graph", "agglomerate", "labels", "total", "CPU", "RSS MB", "heap MB",
            "fragments", "edges", "merges");

    @Spec
    CommandSpec spec;

    static final class Source {
        @Option(names = "--affinities", paramLabel = "ADDR", description = "Affinities (3, z, y, x).")
        String affinities;

        @Option(names = "--size", paramLabel = "Z,Y,X", description = "Synthetic affinities of this size (default: 100,800,800, 64 Mvoxels).")
        String size;
    }

    @ArgGroup
    Source source;

    @Option(names = "--merge-function", defaultValue = "mean,median_aff,median_aff_histograms", paramLabel = "NAME,...", split = ",",
            description = "Merge functions (default: ${DEFAULT-VALUE}).")
    List<String> mergeFunctions;

    @Option(names = "--queue", defaultValue = "bins:256", paramLabel = "Q", description = "Queue (default: ${DEFAULT-VALUE}).")
    String queue;

    @Option(names = "--thresholds", defaultValue = "0.1:0.9:0.1", paramLabel = "T,...", description = "Thresholds (default: ${DEFAULT-VALUE}).")
    String thresholds;

    @Option(names = "--threads", defaultValue = "1,2", paramLabel = "N,...", split = ",",
            description = "Thread counts (default: ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Option(names = "--heap", paramLabel = "SIZE", description = "Heap limit of each run, as for java -Xmx "
            + "(default: the JVM's, as for cmgseg segment).")
    String heap;

    /** One run in this JVM: prints its row of the table (how the parent runs each configuration). */
    @Option(names = "--in-process", hidden = true)
    boolean inProcess;

    @Override
    public Integer call() throws IOException, InterruptedException {
        double[] levels = NumberList.parse(thresholds, "--thresholds");
        for (int t : threads) {
            if (t < 1) {
                throw new IllegalArgumentException("--threads must be at least 1, got " + t);
            }
        }
        if (inProcess) {
            return runHere(levels);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path temporary = null;
        try {
            String address;
            String described;
            if (source != null && source.affinities != null) {
                address = source.affinities;
                described = address;
            } else {
                temporary = Files.createTempDirectory("cmgseg-bench-segment");
                address = synthesize(source == null || source.size == null ? "100,800,800" : source.size, temporary);
                // the temporary container is deleted at the end: not a path to print
                described = "synthetic affinities";
            }
            VoxelGrid grid = grid(address);
            List<String> jvmOptions = heap != null ? List.of("-Xmx" + heap) : List.of();
            Main.println(out, String.format(Locale.ROOT, "%s %s, %.0f Mvoxels; queue %s, %d thresholds; JVM %s%s; seconds",
                    described, grid, grid.voxels() / 1e6, queue, levels.length, ChildJvm.COLLECTOR, heap != null ? " -Xmx" + heap : ""));
            Main.println(out, HEADER);
            for (String function : mergeFunctions) {
                for (int t : threads) {
                    ChildJvm.Result run = ChildJvm.run(jvmOptions, "bench", "segment", "--in-process",
                            "--affinities", address, "--merge-function", function, "--queue", queue, "--thresholds", thresholds,
                            "--threads", Integer.toString(t));
                    if (run.exitCode() != 0) {
                        throw new IOException("the run of " + function + " on " + t + " thread(s) failed"
                                + (run.output().contains("OutOfMemoryError") ? " for lack of heap (raise --heap)" : "") + ": " + run.output());
                    }
                    Main.println(out, lastLine(run.output()));
                }
            }
        } finally {
            if (temporary != null) {
                DirectoryDatasets.delete(temporary);
            }
        }
        return 0;
    }

    private Integer runHere(double[] levels) throws IOException {
        if (source == null || source.affinities == null || mergeFunctions.size() != 1 || threads.size() != 1) {
            throw new IllegalArgumentException("--in-process runs one merge function on one thread count on --affinities");
        }
        DatasetAddress address = DatasetAddress.parse(source.affinities);
        try (Containers.OpenDataset input = Containers.open(address)) {
            AffinitySource.of(input.dataset(), address.toString());
            SegmentationOptions options = SegmentationOptions.of(mergeFunctions.get(0), queue, levels).withThreads(threads.get(0));
            BenchmarkReport r = SegmentationBenchmark.run(input.dataset(), options, Progress.NONE);
            Main.println(spec.commandLine().getOut(), String.format(Locale.ROOT,
                    "%-30s %7d %6.2f %9.2f %6.2f %12.2f %6.2f %7.2f %7.2f %8d %9d %9d %9d %8d", r.mergeFunction(), r.threads(),
                    r.times().read(), r.times().fragments(), r.times().graph(), r.times().agglomeration(), r.labelSeconds(), r.totalSeconds(),
                    r.cpuSeconds(), r.peakResidentBytes() >> 20, r.peakHeapBytes() >> 20, r.fragments(), r.edges(), r.merges()));
        }
        return 0;
    }

    private static VoxelGrid grid(String address) throws IOException {
        DatasetAddress parsed = DatasetAddress.parse(address);
        try (Containers.OpenDataset input = Containers.open(parsed)) {
            return AffinitySource.of(input.dataset(), parsed.toString()).grid();
        }
    }

    /** Synthetic affinities written raw, so that reading them costs what reading costs, not decompression. */
    private static String synthesize(String size, Path folder) throws IOException {
        long[] dims = Volumes.dimensionsOfShape(size, 3, "--size");
        VoxelGrid grid = VoxelGrid.ofShape(dims[2], dims[1], dims[0]);
        SyntheticVolume volume = SyntheticEm.generate(SyntheticParameters.defaults().withGrid(grid));
        DatasetAddress address = new DatasetAddress(folder.resolve("synthetic.n5"), Format.N5, "/affinities");
        long[] channels = {grid.sizeX(), grid.sizeY(), grid.sizeZ(), 3};
        DatasetInfo info = new DatasetInfo(channels, new int[] {(int) Math.min(256, grid.sizeX()), (int) Math.min(256, grid.sizeY()),
                (int) Math.min(16, grid.sizeZ()), 1}, DataType.FLOAT32, Compression.RAW);
        try (Volumes.Output out = Volumes.create(address, info)) {
            Datasets.writeAll(out.writer(), volume.affinities().values());
            out.writer().commit();
        }
        return address.toString();
    }

    private static String lastLine(String output) {
        List<String> lines = new ArrayList<>(output.lines().toList());
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
