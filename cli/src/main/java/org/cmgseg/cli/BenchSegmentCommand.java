package org.cmgseg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.Datasets;
import org.cmgseg.affinities.io.DirectoryDatasets;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.data.SyntheticEm;
import org.cmgseg.data.SyntheticParameters;
import org.cmgseg.data.SyntheticVolume;
import org.cmgseg.segmentation.BenchmarkReport;
import org.cmgseg.segmentation.SegmentationBenchmark;
import org.cmgseg.segmentation.SegmentationOptions;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.merge.MergeFunction;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cmgseg bench segment}: one segmentation, output not written, in a JVM of its own so that its
 * wall time and peak memory are its own; one line of key=value fields.
 */
@Command(name = "segment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time one 'cmgseg segment' (read included, output not written) in a JVM of its own, started as the "
                + "cmgseg launcher starts it (serial collector, 64 MB young generation, arrays of 4 MB and more in the old one; heap limit --heap), and print one line of key=value fields: "
                + "wall_s and peak_rss_mb of that JVM, then seconds per stage (read_s: reading and decompressing, counted on "
                + "the reading thread, partly hidden behind the other stages; labels_s: every threshold's fragment-to-segment "
                + "map), cpu_s, and the sizes of the problem. --affinities is read where it is; --size makes synthetic "
                + "affinities, stored raw in a temporary N5 container that is deleted afterwards."},
        footer = {"", "The same work with waterz (its own watershed; mean, bins:256, 9 thresholds), for a side-by-side run:",
                "  /usr/bin/time -v python3 -c \"import h5py, waterz; a = h5py.File('affs.h5', 'r')['affs'][...]; "
                        + "[s for s in waterz.agglomerate(a, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9], "
                        + "scoring_function='OneMinus<MeanAffinity<RegionGraphType, ScoreValue>>', discretize_queue=256)]\"",
                "against: cmgseg bench segment --affinities affs.h5:/affs --merge-function mean --threads 2",
                "Measured side by side on this machine type (2 cores, 64 Mvoxels, gzip HDF5): on the gala-derived volume waterz "
                        + "44.5 s and 2.33 GB peak RSS, cmgseg 7.9 s and 0.90 GB (the child JVM that this command times; 8.3 s with this "
                        + "command's own JVM); on the synthetic one waterz 301 s and 3.5 GB, cmgseg 18.4 s and 1.9 GB "
                        + "(waterz bf6e093 built from source)."})
final class BenchSegmentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    static final class Source {
        @Option(names = "--affinities", paramLabel = "ADDR", description = "Affinities (3, z, y, x), read where they are.")
        String affinities;

        @Option(names = "--size", paramLabel = "Z,Y,X", description = "Synthetic affinities of this size (default: 100,800,800, 64 Mvoxels).")
        String size;
    }

    @ArgGroup
    Source source;

    @Option(names = "--merge-function", defaultValue = "median_aff_histograms", paramLabel = "NAME",
            description = "Merge function (default: ${DEFAULT-VALUE}, as for cmgseg segment).")
    MergeFunction mergeFunction;

    @Option(names = "--queue", defaultValue = "bins:256", paramLabel = "Q", description = "Queue (default: ${DEFAULT-VALUE}).")
    QueueType queue;

    @Option(names = "--thresholds", defaultValue = "0.1:0.9:0.1", paramLabel = "T,...", description = "Thresholds (default: ${DEFAULT-VALUE}).")
    String thresholds;

    @Mixin
    ThreadOptions threads;

    @Option(names = "--heap", paramLabel = "SIZE", description = "Heap limit of the run, as for java -Xmx "
            + "(default: the JVM's, as for cmgseg segment).")
    String heap;

    /** The run itself, in this JVM: prints the stage fields (how the parent runs it). */
    @Option(names = "--in-process", hidden = true)
    boolean inProcess;

    @Override
    public Integer call() throws IOException, InterruptedException {
        NumberList.parse(thresholds, "--thresholds");
        int t = threads.threads();
        if (inProcess) {
            return runHere(threads.context(Progress.NONE));
        }
        Path temporary = null;
        try {
            String address;
            String input;
            if (source != null && source.affinities != null) {
                address = source.affinities;
                input = address;
                grid(address);
            } else {
                String size = source == null || source.size == null ? "100,800,800" : source.size;
                temporary = Files.createTempDirectory("cmgseg-bench-segment");
                address = synthesize(size, temporary);
                input = "synthetic:" + size;
            }
            List<String> jvmOptions = heap != null ? List.of("-Xmx" + heap) : List.of();
            ChildJvm.Result run = ChildJvm.run(jvmOptions, "bench", "segment", "--in-process", "--affinities", address,
                    "--merge-function", mergeFunction.name(), "--queue", queue.name(), "--thresholds", thresholds, "--threads",
                    Integer.toString(t));
            if (run.exitCode() != 0) {
                throw new IOException("the run failed" + (run.output().contains("OutOfMemoryError") ? " for lack of heap (raise --heap)" : "")
                        + ": " + run.output());
            }
            Main.println(spec.commandLine().getOut(), String.format(Locale.ROOT, "wall_s=%.2f peak_rss_mb=%d %s input=%s heap=%s",
                    run.seconds(), run.peakResidentBytes() >> 20, lastLine(run.output()), input, heap != null ? heap : "default"));
        } finally {
            if (temporary != null) {
                DirectoryDatasets.delete(temporary);
            }
        }
        return 0;
    }

    private Integer runHere(RunContext context) throws IOException {
        if (source == null || source.affinities == null) {
            throw new IllegalArgumentException("--in-process runs on --affinities");
        }
        DatasetAddress address = DatasetAddress.parse(source.affinities);
        try (Containers.OpenDataset input = Containers.open(address)) {
            SegmentationOptions options = SegmentationOptions.of(mergeFunction, queue, NumberList.parse(thresholds, "--thresholds"));
            BenchmarkReport r = SegmentationBenchmark.run(AffinitySource.of(input.dataset(), address.toString()), options, context);
            Main.println(spec.commandLine().getOut(), String.format(Locale.ROOT,
                    "read_s=%.2f fragments_s=%.2f graph_s=%.2f agglomeration_s=%.2f labels_s=%.2f total_s=%.2f cpu_s=%.2f "
                            + "peak_heap_mb=%d threads=%d merge_function=%s queue=%s thresholds=%d voxels=%d fragments=%d edges=%d merges=%d",
                    r.times().read(), r.times().fragments(), r.times().graph(), r.times().agglomeration(), r.labelSeconds(), r.totalSeconds(),
                    r.cpuSeconds(), r.peakHeapBytes() >> 20, r.threads(), r.mergeFunction(), r.queue(), r.thresholds(), r.grid().voxels(), r.fragments(), r.edges(),
                    r.merges()));
        }
        return 0;
    }

    /** Fails with one line unless the address holds affinities. */
    private static void grid(String address) throws IOException {
        DatasetAddress parsed = DatasetAddress.parse(address);
        try (Containers.OpenDataset input = Containers.open(parsed)) {
            AffinitySource.of(input.dataset(), parsed.toString());
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
