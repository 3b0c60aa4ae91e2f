package org.cmgseg.cli;

import org.cmgseg.core.RunContext;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.segmentation.SegmentationResult;

/**
 * A segmentation written into a group: {@code fragments} and one uint64 volume per threshold, named
 * by its shortest decimal. All are committed together at the end, so an error on the way leaves
 * none of them behind; then the segmentations of other thresholds that an earlier run left in the
 * group are removed, so that the group holds this run's alone.
 */
final class SegmentationOutput {

    private SegmentationOutput() {
    }

    /** {@code geometry}: attributes every volume gets; {@code fragments}: how the fragments were made, for the record. */
    static void write(SegmentationResult result, DatasetAddress group, DatasetInfo info, JsonObject geometry, String fragments,
            RunContext context) throws IOException {
        float[] levels = result.thresholds();
        List<Volumes.Output> outputs = new ArrayList<>();
        try {
            Volumes.Output fragmentOutput = Volumes.create(group.resolve("fragments"), info);
            outputs.add(fragmentOutput);
            result.writeFragments(fragmentOutput.writer(), context);
            for (int t = 0; t < levels.length; t++) {
                Volumes.Output segmentation = Volumes.create(group.resolve(CFormat.shortest(levels[t])), info);
                outputs.add(segmentation);
                result.writeSegmentation(t, segmentation.writer(), context);
            }
            for (int i = 0; i < outputs.size(); i++) {
                Volumes.Output o = outputs.get(i);
                o.writer().commit();
                DatasetAddress address = i == 0 ? group.resolve("fragments") : group.resolve(CFormat.shortest(levels[i - 1]));
                Volumes.setAttributes(o, address, attributes(result, geometry, fragments, i - 1));
            }
        } finally {
            for (Volumes.Output o : outputs) {
                o.close();
            }
        }
        removeOtherThresholds(group, levels);
    }

    private static void removeOtherThresholds(DatasetAddress group, float[] levels) throws IOException {
        Set<String> written = new HashSet<>();
        for (float level : levels) {
            written.add(CFormat.shortest(level));
        }
        try (Container container = Containers.openForWriting(group.container(), group.format())) {
            for (String name : container.children(group.dataset())) {
                String path = group.resolve(name).dataset();
                if (!written.contains(name) && isThresholdName(name) && container.isDataset(path)) {
                    container.delete(path);
                }
            }
        }
    }

    /** A name as {@link #write} gives a threshold's volume (not just anything Java parses as a number: "NaN", "1e-1", "2f"). */
    private static boolean isThresholdName(String name) {
        try {
            return CFormat.shortest(Float.parseFloat(name)).equals(name);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static JsonObject attributes(SegmentationResult result, JsonObject geometry, String fragments, int threshold) {
        JsonObject attributes = geometry.deepCopy();
        attributes.addProperty("fragments", fragments);
        if (threshold >= 0) {
            attributes.addProperty("threshold", Double.parseDouble(CFormat.shortest(result.thresholds()[threshold])));
            attributes.addProperty("merge_function", result.mergeFunction().name());
            attributes.addProperty("queue", result.queue().toString());
            attributes.addProperty("segments", result.segmentCount(threshold));
        }
        return attributes;
    }
}
