package org.cmgseg.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.cmgseg.affinities.io.hdf5.Hdf5Container;
import org.cmgseg.testkit.SharedData;
import org.junit.jupiter.api.Test;

/** The 44 stored waterz segmentations, voxel for voxel (not only by hash). */
class StoredSegmentationsTest {

    @Test
    void everyStoredVolumeIsReproduced() throws IOException {
        List<String> paths = new ArrayList<>();
        try (Hdf5Container container = Hdf5Container.open(SharedData.require(WaterzReference.DIRECTORY + "gala_train_segmentations.h5"))) {
            for (String function : container.children("/segmentations")) {
                for (String dq : container.children("/segmentations/" + function)) {
                    for (String t : container.children("/segmentations/" + function + "/" + dq)) {
                        paths.add("affinities/" + function + "/" + dq + "/" + t);
                    }
                }
            }
            for (String variant : container.children("/segmentations_cmg")) {
                for (String function : container.children("/segmentations_cmg/" + variant)) {
                    for (String dq : container.children("/segmentations_cmg/" + variant + "/" + function)) {
                        for (String t : container.children("/segmentations_cmg/" + variant + "/" + function + "/" + dq)) {
                            paths.add(variant + "/" + function + "/" + dq + "/" + t);
                        }
                    }
                }
            }
            assertEquals(44, paths.size());
            for (String path : paths) {
                String[] parts = path.split("/");
                String dataset = parts[0].equals("affinities") ? "/segmentations/" + path.substring(parts[0].length() + 1)
                        : "/segmentations_cmg/" + path;
                long[] stored = (long[]) container.open(dataset).readAll();
                SegmentationResult result = WaterzReference.result(parts[0], parts[1], Integer.parseInt(parts[2].substring(2)));
                int t = WaterzReference.thresholdIndex(Double.parseDouble(parts[3]));
                assertArrayEquals(stored, result.segmentation(t), path);
            }
        }
    }
}
