package org.cmgseg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.affinities.io.Geometry;
import org.cmgseg.affinities.source.AffinityChannels;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.core.RunContext;
import org.cmgseg.segmentation.SegmentationOptions;
import org.cmgseg.segmentation.SegmentationPipeline;
import org.cmgseg.segmentation.SegmentationResult;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.merge.MergeFunction;
import org.cmgseg.segmentation.output.SegmentationWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cmgseg segment}: fragments and their agglomeration at a list of thresholds, written as label volumes. */
@Command(name = "segment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Segment an affinity graph (3, z, y, x): cut it into fragments, then agglomerate them over their region graph, "
                + "lowest merge score first, in one pass over all thresholds. Writes uint64 label volumes (z, y, x) into a group: "
                + "GROUP/fragments and one per threshold, named by it (GROUP/0.5, GROUP/0.25). With waterz's watershed, "
                + "merge functions and queues, the segmentations are voxel for voxel those of waterz.agglomerate."},
        footer = {"", "Merge functions (an edge's score is 1 - a statistic of its affinities):",
                "  median_aff_histograms  median, from a 256-bin histogram (the default)",
                "  85_aff_histograms      85th percentile, histogram (any Q_aff_histograms)",
                "  median_aff, 85_aff     exact median, exact 85th percentile (any Q_aff)",
                "  max_10                 mean of the 10 largest affinities (any max_K)",
                "  mean, max, min         mean, largest, smallest affinity",
                "  hist_quant_Q           (lsd) percentile Q, 256-bin histogram of every affinity",
                "  hist_quant_Q_initmax   (lsd) the same, of each first edge's largest affinity",
                "  top:K  quantile:Q[:maxinit|:all]  histogram:Q[:bins=B][:maxinit|:all]",
                "                         the general form, which the names above stand for",
                "Quantiles pool, as waterz does by default (maxinit), one value per edge between",
                "two fragments, its largest affinity; with :all they pool every affinity.",
                "",
                "Queues: bins:N is waterz's discretize_queue=N (N score bins, first in first out",
                "within a bin); exact is a binary heap that breaks ties as waterz's does.",
                "", "Examples:",
                "  cmgseg segment --affinities sample_B.n5:/affinities \\",
                "      --output sample_B.n5:/segmentation --thresholds 0.1:0.9:0.1",
                "  cmgseg segment --affinities affs.h5:/affs --output seg.zarr:/mean \\",
                "      --merge-function mean --queue exact --thresholds 0.3,0.5 --merge-history mean.csv"})
final class SegmentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--affinities", required = true, paramLabel = "ADDR",
            description = "Affinities (3, z, y, x) in [0, 1], channels z, y, x; float32 (float64 and uint8, read as value / 255, "
                    + "are converted).")
    String affinities;

    @Mixin
    ChannelOption channels;

    @Mixin
    NanOption nan;

    @Option(names = "--output", required = true, paramLabel = "ADDR_GROUP", description = "Group to write the label volumes into.")
    String output;

    @Mixin
    FragmentOptions fragments;

    @Option(names = "--merge-function", defaultValue = "median_aff_histograms", paramLabel = "NAME",
            description = "How edges are scored (default: ${DEFAULT-VALUE}; see the list below).")
    MergeFunction mergeFunction;

    @Option(names = "--queue", defaultValue = "bins:256", paramLabel = "bins:N|exact", description = "Merge order (default: ${DEFAULT-VALUE}).")
    QueueType queue;

    @Option(names = "--thresholds", required = true, paramLabel = "T,...", description = "Scores in [0, 1] to stop at, e.g. 0.1,0.5 "
            + "or 0.1:0.9:0.1; each gives a segmentation.")
    String thresholds;

    @Option(names = "--merge-history", paramLabel = "FILE.csv", description = "Also write every merge: a,b,c,score as waterz returns "
            + "them (region a absorbs b, forming c = a) and the first threshold whose segmentation includes it.")
    Path mergeHistory;

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() throws IOException {
        DatasetAddress in = DatasetAddress.parse(affinities);
        DatasetAddress group = DatasetAddress.parse(output);
        if (group.format() == Format.TIFF) {
            throw new IllegalArgumentException("segment writes several datasets; give an N5, Zarr or HDF5 group, not " + group);
        }
        double[] levels = NumberList.parse(thresholds, "--thresholds");
        PrintWriter out = spec.commandLine().getOut();
        try (NewOutputs outputs = mergeHistory == null ? storage.outputs().group(group) : storage.outputs().group(group).file(mergeHistory);
             ProgressBars progress = new ProgressBars(spec.commandLine().getErr());
             Containers.OpenDataset input = Containers.open(in);
             FragmentChoice choice = fragments.open()) {
            RunContext context = storage.context(progress);
            SegmentationOptions options = SegmentationOptions.of(mergeFunction, queue, levels).withFragments(choice.method());
            AffinitySource source = AffinitySource.of(AffinityChannels.select(input, in, channels.channels, context), nan.policy(), in.toString());
            SegmentationResult result = SegmentationPipeline.run(source, options, context);
            DatasetInfo info = storage.output(result.fragments().grid().dimensions(), DataType.UINT64, input.dataset().info().blockSize(),
                    group.format());
            Geometry geometry = Geometry.read(input.container(), in);
            try (SegmentationWriter writer = SegmentationWriter.open(group, geometry, info, storage.overwrite)) {
                writer.write(result, choice.method(), context);
                writer.history(mergeHistory);
                writer.commit();
            }
            report(result, group, out);
            outputs.keep();
        }
        return 0;
    }

    private void report(SegmentationResult result, DatasetAddress group, PrintWriter out) {
        Main.println(out, String.format(Locale.ROOT, "%s: %d fragments, %d edges; %s, queue %s", affinities, result.fragments().count(),
                result.edges(), result.mergeFunction().name(), result.queue().name()));
        Main.println(out, String.format(Locale.ROOT, "%10s %10s %10s", "threshold", "segments", "merges"));
        float[] levels = result.thresholds();
        for (int t = 0; t < levels.length; t++) {
            Main.println(out, String.format(Locale.ROOT, "%10s %10d %10d", CFormat.shortest(levels[t]), result.segmentCount(t), result.mergesAt(t)));
        }
        Main.println(out, String.format(Locale.ROOT, "seconds: read %.2f, fragments %.2f, graph %.2f, agglomeration %.2f -> %s/{fragments, %s}",
                result.times().read(), result.times().fragments(), result.times().graph(), result.times().agglomeration(), group,
                String.join(", ", thresholdNames(levels))));
        if (mergeHistory != null) {
            Main.println(out, result.history().size() + " merges -> " + mergeHistory);
        }
    }

    private static List<String> thresholdNames(float[] levels) {
        List<String> names = new ArrayList<>();
        for (float level : levels) {
            names.add(CFormat.shortest(level));
        }
        return names;
    }
}
