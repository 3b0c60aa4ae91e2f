package org.cmgseg.spark;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.cmgseg.affinities.NonFinitePolicy;
import org.cmgseg.affinities.ProbabilityView;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.affinities.io.Labels;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.ShortestDecimal;
import org.cmgseg.core.Task;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.agglomerate.Agglomeration;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.merge.MergeFunction;
import scala.Tuple2;

/**
 * {@code segment} as Spark jobs over blocks: optionally the CMG soft threshold ({@link CmgStage}) and fragments computed
 * per block ({@link FragmentStage}); then, for the supplied or computed fragments, their labels (a first pass, to number
 * them densely in unsigned order as {@code segment} does); every block's faces, merged per edge in scan order and
 * reduced to the edge's statistic on the executors ({@link EdgeStates}); the region graph agglomerated on the driver
 * over all thresholds at once; per threshold a fragment-to-segment table from that one history, and a blockwise
 * relabel in which every task writes its block into one hidden uint64 dataset per threshold, which the driver renames
 * into place only once the job succeeded ({@link HiddenDatasets}). Feeding each edge's faces in {@code segment}'s
 * order makes every merge function's statistic, the running mean included, equal bit for bit.
 */
public final class BlockwiseSegmentation {

    /** Called at the start of every relabel task with the block's number: lets a test fail a task. */
    @FunctionalInterface
    interface TaskProbe extends Serializable {
        void enter(int block);
    }

    /**
     * The inputs and options of a run: addresses as {@link DatasetAddress} parses them, thresholds increasing and
     * distinct (as {@link org.cmgseg.segmentation.Thresholds#sorted} leaves them), the block size x, y, z. Fragments are
     * supplied ({@code fragments} an address) or computed per block ({@code fragments} null, {@code watershed} a method
     * of {@link FragmentMethod#parse}, seeing {@code halo} voxels around each block); {@code cmg}, when not null,
     * soft-thresholds the affinities before the watershed and the edge statistics.
     */
    public record Options(String affinities, String fragments, String output, MergeFunction mergeFunction, QueueType queue,
            float[] thresholds, int[] blockSize, FragmentMethod watershed, int halo, CmgStage cmg) {

        /** Supplied fragments, the affinities as stored. */
        public Options(String affinities, String fragments, String output, MergeFunction mergeFunction, QueueType queue,
                float[] thresholds, int[] blockSize) {
            this(affinities, fragments, output, mergeFunction, queue, thresholds, blockSize, null, 0, null);
        }

        public Options {
            if ((fragments == null) == (watershed == null)) {
                throw new IllegalArgumentException("give either supplied fragments or a watershed, not " + (fragments == null
                        ? "neither" : "both"));
            }
            if (halo < 0) {
                throw new IllegalArgumentException("the halo is a number of voxels, 0 or more, got " + halo);
            }
        }
    }

    private BlockwiseSegmentation() {
    }

    /** The size of the global region graph a run agglomerated on the driver. */
    public record GraphSize(int fragments, int edges) {
    }

    public static GraphSize run(JavaSparkContext spark, Options options) throws IOException {
        return run(spark, options, block -> {
        });
    }

    /**
     * Fails with a one-line {@link IllegalArgumentException} naming the dataset, before any job, unless the
     * affinities are (3, z, y, x), the fragments integer labels of their shape and the output an N5 or Zarr
     * group that holds no dataset yet, and a block's affinities fit one array; returns the volume's dimensions (x, y, z).
     */
    static long[] check(Options options) throws IOException {
        int[] block = options.blockSize();
        try {
            new VoxelGrid(block[0], block[1], block[2]).arrayLength(AffinityGraph.CHANNELS);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--block-size: " + e.getMessage(), e);
        }
        VoxelGrid grid;
        try (Containers.OpenDataset open = Containers.open(DatasetAddress.parse(options.affinities()))) {
            grid = AffinitySource.gridOf(ProbabilityView.of(open.dataset(), NonFinitePolicy.FAIL, options.affinities()));
        }
        if (options.fragments() != null) {
            checkFragments(options.fragments(), grid);
        }
        DatasetAddress group = DatasetAddress.parse(options.output());
        if (group.format() != Format.N5 && group.format() != Format.ZARR) {
            throw new IllegalArgumentException("the output " + group + " must be an N5 or Zarr group");
        }
        try (Container container = Containers.openForWriting(group.container(), group.format())) {
            List<String> datasets = container.datasetsIn(group.dataset());
            if (!datasets.isEmpty()) {
                throw new IllegalArgumentException(group + " already holds " + String.join(", ", datasets) + "; give another group");
            }
        }
        return grid.dimensions();
    }

    private static void checkFragments(String fragments, VoxelGrid grid) throws IOException {
        try (Containers.OpenDataset open = Containers.open(DatasetAddress.parse(fragments))) {
            DatasetInfo info = open.dataset().info();
            Labels.check(info, fragments);
            if (!Arrays.equals(info.dimensions(), grid.dimensions())) {
                throw new IllegalArgumentException(fragments + " has shape " + info.shapeText() + " but the affinities have " + grid);
            }
        }
    }

    /**
     * The stages before the agglomeration, then the agglomeration of the (supplied or computed) fragments; fragments
     * computed here are removed again when a later stage fails.
     */
    static GraphSize run(JavaSparkContext spark, Options options, TaskProbe probe) throws IOException {
        long[] volume = check(options);
        List<Block> blocks = Block.tiling(volume, options.blockSize());
        JavaRDD<Block> blockRdd = spark.parallelize(blocks, blocks.size());
        BlockAffinities affinities = options.cmg() == null ? BlockAffinities.asStored(options.affinities())
                : options.cmg().on(blockRdd, options.affinities());
        if (options.fragments() != null) {
            return segmentFragments(spark, options, probe, volume, blockRdd, affinities, options.fragments());
        }
        String fragments = FragmentStage.run(blockRdd, affinities, options, volume);
        try {
            return segmentFragments(spark, options, probe, volume, blockRdd, affinities, fragments);
        } catch (Throwable e) {
            // Spark's own failures (SparkException) come through as undeclared checked exceptions
            FragmentStage.discard(fragments);
            throw e;
        }
    }

    private static GraphSize segmentFragments(JavaSparkContext spark, Options options, TaskProbe probe, long[] volume, JavaRDD<Block> blockRdd,
            BlockAffinities affinities, String fragments) throws IOException {
        long[] labels = BlockFaces.sortedUnsigned(blockRdd.flatMap(block -> Arrays.stream(BlockReads.labels(fragments, block))
                .filter(label -> label != 0).distinct().iterator()).distinct().collect().stream().mapToLong(Long::longValue).toArray());
        Broadcast<long[]> labelTable = spark.broadcast(labels);

        EdgeStates.Graph graph = EdgeStates.of(blockRdd.flatMapToPair(block -> BlockFaces.of(affinities, fragments, block, volume,
                labelTable.value()).entrySet().stream().map(entry -> new Tuple2<>(entry.getKey(), entry.getValue())).iterator()),
                options.mergeFunction(), labels.length + 1);
        long[][] tables = agglomerate(graph, labels, options);
        Broadcast<long[][]> segmentTables = spark.broadcast(tables);

        DatasetInfo storage = new DatasetInfo(volume, options.blockSize(), DataType.UINT64, Compression.GZIP);
        List<String> names = new ArrayList<>();
        List<JsonObject> attributes = new ArrayList<>();
        for (int t = 0; t < tables.length; t++) {
            names.add(ShortestDecimal.of(options.thresholds()[t]));
            attributes.add(attributes(options, options.thresholds()[t], tables[t]));
        }
        try (HiddenDatasets output = HiddenDatasets.create(options.output(), names, storage, options.blockSize())) {
            List<BlockOutput> outputs = output.outputs();
            blockRdd.foreach(block -> {
                probe.enter(block.number());
                int[] ids = BlockFaces.denseIds(BlockReads.labels(fragments, block), labelTable.value());
                long[] segments = new long[ids.length];
                for (int t = 0; t < outputs.size(); t++) {
                    long[] table = segmentTables.value()[t];
                    for (int i = 0; i < ids.length; i++) {
                        segments[i] = table[ids[i]];
                    }
                    outputs.get(t).write(block, segments);
                }
            });
            output.commit(attributes);
        }
        return new GraphSize(labels.length, graph.graph().edges());
    }

    /** For every threshold, the segment label of every dense fragment index (0, background, stays 0). */
    private static long[][] agglomerate(EdgeStates.Graph graph, long[] labels, Options options) {
        Agglomeration agglomeration = new Agglomeration(graph.graph(), graph.contact(), options.mergeFunction(), graph.statistic(),
                options.queue().create(graph.graph().edges()));
        float[] thresholds = options.thresholds();
        long[][] tables = new long[thresholds.length][];
        Task task = RunContext.sequential().task("agglomeration", Math.max(1, labels.length - 1));
        for (int t = 0; t < thresholds.length; t++) {
            agglomeration.mergeUntil(thresholds[t], task);
            int[] regions = agglomeration.history().regionsAfter(agglomeration.history().size(), labels.length + 1);
            tables[t] = new long[regions.length];
            for (int n = 1; n < regions.length; n++) {
                tables[t][n] = labels[regions[n] - 1];
            }
        }
        return tables;
    }

    private static JsonObject attributes(Options options, float threshold, long[] table) {
        JsonObject attributes = new JsonObject();
        attributes.addProperty("threshold", Double.parseDouble(ShortestDecimal.of(threshold)));
        attributes.addProperty("merge_function", options.mergeFunction().name());
        attributes.addProperty("queue", options.queue().name());
        attributes.addProperty("segments", Arrays.stream(table).skip(1).distinct().count());
        return attributes;
    }
}
