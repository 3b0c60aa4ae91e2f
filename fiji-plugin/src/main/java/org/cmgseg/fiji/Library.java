package org.cmgseg.fiji;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.cmgseg.affinities.NonFinitePolicy;
import org.cmgseg.affinities.ProbabilityView;
import org.cmgseg.affinities.SoftThreshold;
import org.cmgseg.affinities.ValueRange;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.Datasets;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.affinities.io.Geometry;
import org.cmgseg.cmg.CmgTransform;
import org.cmgseg.cmg.LogitMethod;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.ShortestDecimal;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.SegmentationOptions;
import org.cmgseg.segmentation.SegmentationPipeline;
import org.cmgseg.segmentation.SegmentationResult;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.evaluate.ContingencyTable;
import org.cmgseg.segmentation.evaluate.CremiMetrics;
import org.cmgseg.segmentation.evaluate.CremiScores;
import org.cmgseg.segmentation.evaluate.GroundTruth;
import org.cmgseg.segmentation.evaluate.ObjectOverlaps;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.gridsearch.GridFragments;
import org.cmgseg.segmentation.gridsearch.GridResults;
import org.cmgseg.segmentation.gridsearch.GridSearch;
import org.cmgseg.segmentation.gridsearch.GridSink;
import org.cmgseg.segmentation.gridsearch.GridSpec;
import org.cmgseg.segmentation.gridsearch.GridVolumes;
import org.cmgseg.segmentation.merge.MergeFunction;
import org.cmgseg.segmentation.merge.MergeFunctions;
import org.cmgseg.segmentation.output.SegmentationWriter;

/**
 * Every call the commands make into the library, in one place, so that a change of the library's API is
 * adapted here alone. Errors in what the user asked for are {@link IllegalArgumentException}s and
 * {@link IOException}s whose message names the problem.
 */
final class Library {

    static final String[] FRAGMENT_METHODS = FragmentMethod.WATERSHEDS.toArray(String[]::new);

    static final String[] MERGE_FUNCTIONS = MergeFunctions.NAMED.toArray(String[]::new);

    static final String[] QUEUES = {"bins:256", "exact"};

    private Library() {
    }

    /**
     * An image's values held as a dataset, read as the command line reads affinities from a file: uint8 as value / 255,
     * and NaN, infinities or values outside [0, 1] refused in one line naming {@code where}.
     */
    static float[] probabilities(Dataset values, String where) throws IOException {
        return (float[]) ProbabilityView.of(values, NonFinitePolicy.FAIL, where).readAll();
    }

    static DatasetAddress address(String text) {
        return DatasetAddress.parse(text);
    }

    static Containers.OpenDataset open(DatasetAddress address) throws IOException {
        return Containers.open(address);
    }

    /** The dataset's "resolution" attribute as (z, y, x), or null without one of three numbers. */
    static double[] resolutionZyx(Containers.OpenDataset opened, DatasetAddress address) throws IOException {
        return Geometry.read(opened.container(), address).resolutionZyx();
    }

    static SegmentationResult segment(AffinityGraph affinities, String fragments, String mergeFunction, String queue, double[] thresholds,
            RunContext context) throws IOException {
        SegmentationOptions options = SegmentationOptions.of(MergeFunction.parse(mergeFunction), QueueType.parse(queue), thresholds)
                .withFragments(FragmentMethod.parse(fragments));
        return SegmentationPipeline.run(affinities, options, context);
    }

    /** A threshold as the CLI names its volume: the shortest decimal that reads back as the same float. */
    static String thresholdName(float threshold) {
        return ShortestDecimal.of(threshold);
    }

    /** Scores, and the objects to look at: ground-truth objects split the most, segments merging the most. */
    record Evaluation(CremiScores scores, List<ObjectOverlaps.Overlap> splits, List<ObjectOverlaps.Overlap> merges) {
    }

    /** Ground-truth labels (0: ignored); {@code borderNm} null: no border mask, else the CREMI border mask with the y voxel size. */
    static GroundTruth groundTruth(long[] labels, VoxelGrid grid, Double borderNm, double resolutionY, RunContext context) {
        return borderNm == null ? GroundTruth.of(labels, "the ground truth")
                : GroundTruth.masked(labels, grid, borderNm, resolutionY, "the ground truth", context);
    }

    /**
     * The CREMI scores of a segmentation against ground truth, as {@code cmgseg evaluate} computes them, and the
     * {@code top} objects of each kind.
     */
    static Evaluation evaluate(long[] segmentation, GroundTruth truth, VoxelGrid grid, int top, RunContext context) {
        ContingencyTable table = ContingencyTable.of(truth.labels(), segmentation, context);
        return new Evaluation(CremiMetrics.of(table), ObjectOverlaps.splits(table, truth.labels(), segmentation, grid, top),
                ObjectOverlaps.merges(table, truth.labels(), segmentation, grid, top));
    }

    static GridSpec gridSpec(double[] mus, double[] inflections, List<String> mergeFunctions, String queue, double[] thresholds) {
        return new GridSpec(mus, inflections, mergeFunctions, QueueType.parse(queue), thresholds);
    }

    /** The rows of a grid search, the best setting's segmentation, and how many curves a run folder held done. */
    record GridSearchRun(GridResults results, long[] bestSegmentation, int resumedCurves) {
    }

    /**
     * {@code cmgseg gridsearch} on volumes in memory, fragments made once; with a run folder (null: none, nothing kept on
     * disk) the files of {@code cmgseg gridsearch --output}, resumed as it resumes them.
     */
    static GridSearchRun gridSearch(AffinityGraph affinities, GroundTruth truth, String fragments, GridSpec spec, Path runFolder,
            RunContext context) throws IOException {
        GridVolumes volumes = GridVolumes.of(affinities, truth);
        GridFragments once = GridFragments.once(FragmentMethod.parse(fragments));
        GridSearch search = runFolder == null ? GridSearch.prepare(volumes, once, spec, GridSink.NONE, context)
                : GridSearch.prepare(volumes, once, spec, runFolder, context);
        GridResults results = search.run();
        return new GridSearchRun(results, search.segmentation(results.best().overall()).segmentation(0), search.resumedCurves());
    }

    /** A run folder as the command line takes one: its parent exists, and it is a folder if it exists. */
    static Path runFolder(String text) {
        Path folder = Path.of(text).toAbsolutePath().normalize();
        Path parent = folder.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("cannot write " + folder + ": folder " + parent + " does not exist");
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("cannot write into " + folder + ": it is a file, not a folder");
        }
        return folder;
    }

    /**
     * The CMG soft threshold of {@code cmgseg transform}, in place: every value through the curve of (mu, I) on the
     * values' own minimum and maximum, mapped onto itself.
     */
    static void transform(float[] values, double mu, double inflection, RunContext context) {
        new CmgTransform(SoftThreshold.curve(mu, inflection, ValueRange.of(values), LogitMethod.EXACT), context.threads()).apply(values);
    }

    /** The CMG curve of (mu, I) on [0, 1]. */
    static DoubleUnaryOperator curve(double mu, double inflection) {
        return SoftThreshold.curve(mu, inflection, new ValueRange(0, 1), LogitMethod.EXACT)::value;
    }

    /**
     * Writes a volume (shape fastest axis first, as the library's arrays are) as a new dataset, committed only
     * when complete, with its resolution (z, y, x; null: none); an existing dataset is replaced only if {@code overwrite}.
     */
    static void write(DatasetAddress address, Object values, DataType type, long[] dimensions, double[] resolutionZyx,
            boolean overwrite) throws IOException {
        if (address.format() == Format.TIFF) {
            throw new IllegalArgumentException("write to an N5, Zarr or HDF5 dataset, not the TIFF " + address);
        }
        try (Container container = Containers.openForWriting(address.container(), address.format())) {
            if (container.exists(address.dataset()) && !overwrite) {
                throw new IllegalArgumentException(address + " exists; tick overwrite to replace it");
            }
            try (DatasetWriter writer = container.create(address.dataset(), storage(dimensions, type))) {
                Datasets.writeAll(writer, values);
                writer.commit();
            }
            if (resolutionZyx != null) {
                container.setAttributes(address.dataset(), Geometry.ofResolution(resolutionZyx).attributes(address.format()));
            }
        }
    }

    /**
     * Writes a segmentation into a group as {@code cmgseg segment} does: the fragments and every threshold's volume
     * (named by the threshold's shortest decimal), with the resolution (z, y, x; null: none) and what made them as
     * attributes, visible only once all are written; a group holding datasets is replaced only if {@code overwrite}.
     */
    static void writeSegmentation(DatasetAddress group, SegmentationResult result, String fragments, double[] resolutionZyx,
            boolean overwrite, RunContext context) throws IOException {
        Geometry geometry = resolutionZyx == null ? Geometry.NONE : Geometry.ofResolution(resolutionZyx);
        DatasetInfo storage = storage(result.fragments().grid().dimensions(), DataType.UINT64);
        try (SegmentationWriter writer = SegmentationWriter.open(group, geometry, storage, overwrite)) {
            writer.write(result, FragmentMethod.parse(fragments), context);
            writer.commit();
        }
    }

    /** Blocks of 64 voxels a side (one channel deep), gzip. */
    private static DatasetInfo storage(long[] dimensions, DataType type) {
        int[] block = new int[dimensions.length];
        for (int d = 0; d < block.length; d++) {
            block[d] = (int) Math.min(dimensions[d], d < 3 ? 64 : 1);
        }
        return new DatasetInfo(dimensions, block, type, Compression.GZIP);
    }
}
