package org.cmgseg.segmentation.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import org.cmgseg.affinities.io.hdf5.Hdf5Container;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.testkit.Sha256;
import org.cmgseg.testkit.SharedData;
import org.junit.jupiter.api.Test;

/** The border mask against cremi_python's own, and the waterz and scikit-image conventions against their numbers. */
class ConventionsAndBorderTest {

    @Test
    void borderMasksAreBitIdenticalToCremis() throws IOException {
        JsonObject manifest = com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(
                SharedData.require("cremi-border/manifest.json"))).getAsJsonObject();
        try (Hdf5Container h5 = Hdf5Container.open(SharedData.require("cremi-border/border_mask_reference.h5"))) {
            var labels = h5.open("/volumes/labels/neuron_ids");
            long[] shape = labels.info().shape();
            VoxelGrid grid = VoxelGrid.ofShape(shape[0], shape[1], shape[2]);
            long[] gt = (long[]) labels.readAll();
            for (var result : manifest.getAsJsonObject("results").entrySet()) {
                double threshold = Double.parseDouble(result.getKey().replace("nm", ""));
                long[] masked = BorderMask.apply(gt, grid, threshold, 4.0, RunContext.of(2, Progress.NONE));
                assertEquals(result.getValue().getAsJsonObject().get("sha256").getAsString(), Sha256.of(masked), result.getKey());
                long zeros = java.util.Arrays.stream(masked).filter(v -> v == 0).count();
                assertEquals(result.getValue().getAsJsonObject().get("masked_voxels").getAsLong(), zeros, result.getKey());
            }
        }
    }

    @Test
    void cremiScoresWithTheBorderMaskAndWaterzScoresOfTheStoredSegmentations() throws IOException {
        JsonObject reference = CremiReferenceTest.reference();
        JsonObject gala = reference.getAsJsonObject("datasets").getAsJsonObject("gala_train");
        int border = 0;
        try (Hdf5Container inputs = Hdf5Container.open(SharedData.require("waterz-reference/gala_train_inputs.h5"));
             Hdf5Container segmentations = Hdf5Container.open(SharedData.require("waterz-reference/gala_train_segmentations.h5"))) {
            long[] gt = (long[]) inputs.open("/volumes/labels/neuron_ids").readAll();
            long[] masked = BorderMask.apply(gt, VoxelGrid.ofShape(50, 100, 200), 25, 4, RunContext.of(2, Progress.NONE));
            for (JsonElement e : gala.getAsJsonArray("stored_segmentations")) {
                JsonObject stored = e.getAsJsonObject();
                JsonObject record = CremiReferenceTest.record(reference, stored);
                long[] seg = (long[]) segmentations.open("/" + stored.get("path").getAsString()).readAll();
                WaterzScores waterz = WaterzScores.of(ContingencyTable.of(gt, seg, RunContext.of(2, Progress.NONE)));
                JsonObject expected = record.getAsJsonObject("waterz_metrics");
                assertEquals(expected.get("V_Rand_split").getAsDouble(), waterz.randSplit(), 1e-12);
                assertEquals(expected.get("V_Rand_merge").getAsDouble(), waterz.randMerge(), 1e-12);
                assertEquals(expected.get("V_Info_split").getAsDouble(), waterz.infoSplit(), 1e-9);
                assertEquals(expected.get("V_Info_merge").getAsDouble(), waterz.infoMerge(), 1e-9);
                if (record.has("cremi_python_border25")) {
                    CremiReferenceTest.assertScores(record.getAsJsonObject("cremi_python_border25"),
                            CremiMetrics.of(ContingencyTable.of(masked, seg, RunContext.of(2, Progress.NONE))), stored.get("path").getAsString() + " border 25");
                    border++;
                }
            }
        }
        assertEquals(3, border, "the stored volumes with border-masked records");
    }

    /** Values computed with scikit-image 0.19.3 on the fixture volumes. */
    @Test
    void scikitImageConvention() throws IOException {
        try (Hdf5Container inputs = Hdf5Container.open(SharedData.require("waterz-reference/gala_train_inputs.h5"));
             Hdf5Container segmentations = Hdf5Container.open(SharedData.require("waterz-reference/gala_train_segmentations.h5"))) {
            long[] gt = (long[]) inputs.open("/volumes/labels/neuron_ids").readAll();
            SkimageScores fragments = SkimageScores.of(ContingencyTable.of(gt, (long[]) inputs.open("/volumes/fragments/affinities").readAll(), RunContext.sequential()));
            assertEquals(0.3091745167495277, fragments.adaptedRandError(), 1e-12);
            assertEquals(0.6021402691719269, fragments.precision(), 1e-12);
            assertEquals(0.8101465518917003, fragments.recall(), 1e-12);
            assertEquals(2.0125291231998608, fragments.voiSplit(), 1e-9);
            assertEquals(0.4929729420493163, fragments.voiMerge(), 1e-9);
            SkimageScores merged = SkimageScores.of(ContingencyTable.of(gt,
                    (long[]) segmentations.open("/segmentations/median_aff/dq256/0.5").readAll(), RunContext.of(2, Progress.NONE)));
            assertEquals(0.16339867738509783, merged.adaptedRandError(), 1e-12);
            assertEquals(0.6422621566273133, merged.voiSplit(), 1e-9);
        }
    }
}
