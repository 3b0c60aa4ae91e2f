package org.cmgseg.segmentation;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import org.cmgseg.affinities.io.hdf5.Hdf5Container;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.fragments.Fragments;
import org.cmgseg.segmentation.fragments.SteepestAscentWatershed;
import org.cmgseg.segmentation.merge.MergeFunction;
import org.cmgseg.testkit.SharedData;

/**
 * The waterz parity fixtures of ../shared/data/waterz-reference (tests that use them are skipped,
 * with a message, when they are absent). Volumes are read once per test run.
 */
public final class WaterzReference {

    public static final String DIRECTORY = "waterz-reference/";
    public static final VoxelGrid GRID = new VoxelGrid(200, 100, 50);
    public static final String[] VARIANTS = {"affinities", "affinities_cmg_mu0.3_I0.5", "affinities_cmg_mu0.8_I0.2"};
    public static final String[] MERGE_FUNCTIONS = {"median_aff", "85_aff", "median_aff_histograms", "85_aff_histograms", "max_10",
        "mean"};
    public static final double[] THRESHOLDS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();

    private WaterzReference() {
    }

    public static JsonObject reference() {
        return (JsonObject) CACHE.computeIfAbsent("reference.json", name -> {
            try {
                return JsonParser.parseString(Files.readString(SharedData.require(DIRECTORY + name))).getAsJsonObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static List<JsonObject> records() {
        return records(reference());
    }

    /** The "records" of a reference file. */
    public static List<JsonObject> records(JsonObject reference) {
        return StreamSupport.stream(reference.getAsJsonArray("records").spliterator(), false)
                .map(JsonElement::getAsJsonObject).toList();
    }

    /** An affinity variant: "affinities", "affinities_cmg_mu0.3_I0.5" or "affinities_cmg_mu0.8_I0.2". */
    public static AffinityGraph affinities(String variant) {
        return new AffinityGraph(GRID, (float[]) read("gala_train_inputs.h5", "/volumes/" + variant));
    }

    /** waterz's watershed fragments of a variant, as this project computes them (checked against waterz's elsewhere). */
    public static Fragments watershed(String variant) {
        return (Fragments) CACHE.computeIfAbsent("watershed:" + variant, key -> {
            try {
                return SteepestAscentWatershed.compute(AffinitySource.of(affinities(variant)), FragmentMethod.WATERZ_LOW,
                        FragmentMethod.WATERZ_HIGH, RunContext.of(2, Progress.NONE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * One pass over thresholds 0.1..0.9 for a variant, merge function and waterz discretize_queue
     * value (0 or 256), on {@link #watershed} fragments; computed once per test run.
     */
    public static SegmentationResult result(String variant, String function, int discretizeQueue) {
        return (SegmentationResult) CACHE.computeIfAbsent("result:" + variant + ":" + function + ":" + discretizeQueue, key -> {
            try {
                SegmentationOptions options = SegmentationOptions.of(MergeFunction.parse(function), queue(discretizeQueue), THRESHOLDS);
                return SegmentationPipeline.run(affinities(variant),
                        options.withFragments(new FragmentMethod.Precomputed(watershed(variant))), RunContext.of(2, Progress.NONE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static QueueType queue(int discretizeQueue) {
        return discretizeQueue == 0 ? QueueType.EXACT : new QueueType(discretizeQueue);
    }

    /** The index of a threshold in {@link #THRESHOLDS}. */
    public static int thresholdIndex(double threshold) {
        for (int i = 0; i < THRESHOLDS.length; i++) {
            if (THRESHOLDS[i] == threshold) {
                return i;
            }
        }
        throw new AssertionError("threshold " + threshold + " is not one of the runs'");
    }

    /** waterz's own fragments of a variant, from the fixtures. */
    public static long[] fragments(String variant) {
        return (long[]) read("gala_train_inputs.h5", "/volumes/fragments/" + variant);
    }

    public static Object read(String file, String dataset) {
        Path path = SharedData.require(DIRECTORY + file);
        return CACHE.computeIfAbsent(file + ":" + dataset, key -> {
            try (Hdf5Container container = Hdf5Container.open(path)) {
                return container.open(dataset).readAll();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
