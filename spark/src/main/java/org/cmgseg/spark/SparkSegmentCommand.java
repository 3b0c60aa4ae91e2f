package org.cmgseg.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.cmgseg.segmentation.Thresholds;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.merge.MergeFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cmgseg spark segment}: {@code segment} blockwise on Spark, on supplied fragments or fragments computed per block. */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Segments as segment does, in Spark jobs over blocks: optionally the CMG soft threshold, fragments per block "
                + "(or supplied ones, agglomerated bit for bit as segment does); writes the fragments computed and one uint64 dataset "
                + "per threshold into the output group, each complete or absent.")
final class SparkSegmentCommand implements Callable<Integer> {

    @Option(names = "--affinities", required = true, paramLabel = "ADDR", description = "Affinities (3, z, y, x), e.g. sample.n5:/affinities")
    String affinities;

    @Option(names = "--fragments", defaultValue = "waterz", paramLabel = "METHOD|ADDR",
            description = "Fragments computed per block by " + FragmentMethod.KNOWN + " (default: ${DEFAULT-VALUE}), or integer "
                    + "fragment labels (z, y, x) at ADDR")
    String fragments;

    @Option(names = "--halo", defaultValue = "4", paramLabel = "VOXELS",
            description = "Voxels around each block the watershed sees, on every side (default: ${DEFAULT-VALUE})")
    int halo;

    @Option(names = "--mu", paramLabel = "M", description = "CMG inflection rate in [0, 1]: soft-threshold the affinities first, on "
            + "their global range (with --inflection)")
    Double mu;

    @Option(names = {"--inflection", "-I"}, paramLabel = "I", description = "CMG inflection point in [0, 1] (with --mu)")
    Double inflection;

    @Option(names = "--output", required = true, paramLabel = "GROUP", description = "An N5 or Zarr group, e.g. out.n5:/segmentation")
    String output;

    @Option(names = "--merge-function", defaultValue = "median_aff_histograms", description = "As segment's (default: ${DEFAULT-VALUE})")
    String mergeFunction;

    @Option(names = "--queue", defaultValue = "bins:256", description = "As segment's (default: ${DEFAULT-VALUE})")
    String queue;

    @Option(names = "--thresholds", required = true, split = ",", paramLabel = "T,...", description = "Scores in [0, 1] to stop at")
    double[] thresholds;

    @Option(names = "--block-size", defaultValue = "64,256,256", split = ",", paramLabel = "Z,Y,X",
            description = "Voxels per block and task, also the output's chunks (default: ${DEFAULT-VALUE})")
    int[] blockSize;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master, e.g. local[2]; default: spark-submit's, else local[*]")
    String master;

    @Override
    public Integer call() throws Exception {
        try {
            BlockwiseSegmentation.Options options = options();
            BlockwiseSegmentation.check(options);
            SparkConf conf = new SparkConf().setAppName("cmgseg spark segment").setIfMissing("spark.master", "local[*]")
                    .setIfMissing("spark.ui.enabled", "false");
            if (master != null) {
                conf.setMaster(master);
            }
            JobTotals totals = new JobTotals();
            BlockwiseSegmentation.GraphSize graph;
            try (JavaSparkContext spark = new JavaSparkContext(conf)) {
                // Spark logs every task at INFO; a log4j2 configuration of the cluster's own still decides there
                spark.setLogLevel("WARN");
                spark.sc().addSparkListener(totals);
                graph = BlockwiseSegmentation.run(spark, options);
            }
            // after the context stopped, which delivers every task's metrics to the listener
            System.err.println("cmgseg spark segment: " + graph.fragments() + " fragments, " + graph.edges() + " edges; " + totals.summary());
            return 0;
        } catch (Exception e) {
            // bad input a task found comes wrapped in Spark's SparkException; anything else is a failure with its stack trace
            Exception userError = UserErrors.find(e);
            if (userError == null) {
                throw e;
            }
            System.err.println("cmgseg spark segment: " + userError.getMessage());
            return 2;
        }
    }

    private BlockwiseSegmentation.Options options() {
        if (blockSize.length != 3 || Arrays.stream(blockSize).anyMatch(b -> b < 1)) {
            throw new IllegalArgumentException("--block-size takes three positive sizes z,y,x, got " + Arrays.toString(blockSize));
        }
        List<String> warnings = new ArrayList<>();
        double[] sorted = Thresholds.sorted(thresholds, warnings);
        warnings.forEach(warning -> System.err.println("cmgseg spark segment: warning: " + warning));
        float[] levels = new float[sorted.length];
        for (int t = 0; t < levels.length; t++) {
            levels[t] = (float) sorted[t];
        }
        if ((mu == null) != (inflection == null)) {
            throw new IllegalArgumentException("--mu and --inflection go together: give both or neither");
        }
        // as segment tells them apart: a watershed's name has no ':' unless it is waterz's with thresholds
        String name = fragments.strip();
        boolean computed = !name.contains(":") || name.startsWith("waterz:");
        return new BlockwiseSegmentation.Options(affinities, computed ? null : fragments, output, MergeFunction.parse(mergeFunction),
                QueueType.parse(queue), levels, new int[] {blockSize[2], blockSize[1], blockSize[0]},
                computed ? FragmentMethod.parse(name) : null, halo, mu == null ? null : new CmgStage(mu, inflection));
    }
}
