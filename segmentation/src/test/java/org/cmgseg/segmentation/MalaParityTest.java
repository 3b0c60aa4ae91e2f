package org.cmgseg.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.cmgseg.affinities.io.hdf5.Hdf5Container;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.segmentation.fragments.DistanceTransformWatershed;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.fragments.Fragments;
import org.cmgseg.segmentation.merge.MergeFunction;
import org.cmgseg.testkit.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published CMG pipeline of ../shared/data/mala-reference (mahotas' "maxima_distance" fragments
 * per z-slice, agglomerated by waterz), for the three affinity variants of the gala train volume:
 * {@code distance2d} fragments are the published ones voxel for voxel (the published ids are ours
 * plus one), and agglomerating them gives every one of the 270 reference segmentations (5 merge
 * functions x 2 queues x 9 thresholds) by hash, partition and segment count, and the stored ones voxel
 * for voxel.
 */
class MalaParityTest {

    private static final String DIRECTORY = "mala-reference/";
    private static final String[] MERGE_FUNCTIONS = {"median_aff_histograms", "mean", "max_10", "median_aff", "85_aff_histograms"};
    private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();

    static Stream<String> variants() {
        return Stream.of(WaterzReference.VARIANTS);
    }

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        for (String variant : WaterzReference.VARIANTS) {
            for (String function : MERGE_FUNCTIONS) {
                for (int dq : new int[] {256, 0}) {
                    runs.add(Arguments.of(variant, function, dq));
                }
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void fragmentsAreThePublishedOnes(String variant) {
        JsonObject expected = reference().getAsJsonObject("fragments").getAsJsonObject("gala_train/" + variant);
        Fragments fragments = fragments(variant);
        assertEquals(expected.get("n_fragments").getAsInt(), fragments.count(), variant + " fragments");
        assertEquals(expected.get("partition_sha256").getAsString(), LabelHash.partition(fragments, publishedIds(fragments)), variant);
        assertEquals(expected.get("sha256").getAsString(), LabelHash.of(fragments, publishedIds(fragments)), variant + ": id order");
        long[] stored = read("/fragments/gala_train/" + variant);
        long[] ours = new long[stored.length];
        for (int v = 0; v < ours.length; v++) {
            ours[v] = fragments.ids()[v] + 1L;
        }
        assertArrayEquals(stored, ours, variant);
    }

    @ParameterizedTest(name = "{0} {1} dq{2}")
    @MethodSource("runs")
    void everyThresholdMatchesThePublishedPipeline(String variant, String function, int dq) throws IOException {
        Fragments fragments = fragments(variant);
        Fragments published = new Fragments(fragments.grid(), fragments.ids(), fragments.count(), publishedIds(fragments));
        SegmentationResult result = SegmentationPipeline.run(WaterzReference.affinities(variant),
                SegmentationOptions.of(MergeFunction.parse(function), WaterzReference.queue(dq), WaterzReference.THRESHOLDS)
                        .withFragments(new FragmentMethod.Precomputed(published)), RunContext.of(2, Progress.NONE));
        int checked = 0;
        for (JsonObject record : WaterzReference.records(reference())) {
            if (!record.get("input").getAsString().equals("gala_train:volumes/" + variant)
                    || !record.get("merge_function").getAsString().equals(function) || record.get("discretize_queue").getAsInt() != dq) {
                continue;
            }
            double threshold = record.get("threshold").getAsDouble();
            int t = WaterzReference.thresholdIndex(threshold);
            String what = variant + " " + function + " dq" + dq + " t" + threshold;
            assertEquals(record.get("n_segments").getAsInt(), result.segmentCount(t), what + " segments");
            assertEquals(record.get("partition_sha256").getAsString(), LabelHash.partition(published, result.fragmentToSegment(t)), what);
            assertEquals(record.get("sha256").getAsString(), LabelHash.of(published, result.fragmentToSegment(t)), what + " labels");
            if (function.equals("median_aff_histograms") && dq == 256 && (threshold == 0.3 || threshold == 0.5 || threshold == 0.7)) {
                assertArrayEquals(read("/segmentations/gala_train/" + variant + "/" + function + "/dq256/" + threshold),
                        result.segmentation(t), what + " stored volume");
            }
            checked++;
        }
        assertEquals(WaterzReference.THRESHOLDS.length, checked);
    }

    private static Fragments fragments(String variant) {
        return (Fragments) CACHE.computeIfAbsent("fragments:" + variant, key -> {
            try {
                return DistanceTransformWatershed.perSlice(AffinitySource.of(WaterzReference.affinities(variant)), RunContext.of(2, Progress.NONE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The published script numbers fragments from 2 (its next_id starts at 1), in the same order as ours. */
    private static long[] publishedIds(Fragments fragments) {
        long[] labels = new long[fragments.count() + 1];
        for (int i = 1; i < labels.length; i++) {
            labels[i] = i + 1L;
        }
        return labels;
    }

    private static JsonObject reference() {
        return (JsonObject) CACHE.computeIfAbsent("reference.json", key -> {
            try {
                return JsonParser.parseString(Files.readString(SharedData.require(DIRECTORY + "reference.json"))).getAsJsonObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static long[] read(String dataset) {
        try (Hdf5Container container = Hdf5Container.open(SharedData.require(DIRECTORY + "gala_train_mala.h5"))) {
            return (long[]) container.open(dataset).readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
