package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.Datasets;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cmgseg evaluate against cremi_python's and waterz's numbers, and on bad input. */
class EvaluateCommandTest {

    @TempDir
    static Path dir;

    private static JsonObject json(CliRun run) {
        assertEquals(0, run.exitCode(), run.err());
        return JsonParser.parseString(run.out()).getAsJsonObject();
    }

    @Test
    void reportsWhatCremiPythonAndWaterzReport() throws IOException {
        Path inputs = SharedData.require("waterz-reference/gala_train_inputs.h5");
        Path segmentations = SharedData.require("waterz-reference/gala_train_segmentations.h5");
        JsonObject reference = JsonParser.parseString(Files.readString(SharedData.require("waterz-reference/reference.json")))
                .getAsJsonObject();
        int compared = 0;
        for (JsonElement e : reference.getAsJsonArray("records")) {
            JsonObject r = e.getAsJsonObject();
            double t = r.get("threshold").getAsDouble();
            if (!r.get("affinity_variant").getAsString().equals("affinities") || r.get("discretize_queue").getAsInt() != 0
                    || !(t == 0.3 || t == 0.7)) {
                continue;
            }
            String[] args = {"evaluate", "--segmentation", segmentations + ":/segmentations/" + r.get("merge_function").getAsString() + "/dq0/"
                    + CFormat.shortest(t), "--groundtruth", inputs + ":/volumes/labels/neuron_ids", "--json"};
            JsonObject cremi = json(CliRun.of(args));
            assertEquals(List.of("voi_split", "voi_merge", "adapted_rand", "cremi_score"), List.copyOf(cremi.keySet()));
            for (String key : cremi.keySet()) {
                assertEquals(r.getAsJsonObject("cremi_python").get(key).getAsDouble(), cremi.get(key).getAsDouble(), 1e-9, key);
            }
            String[] waterzArgs = java.util.Arrays.copyOf(args, args.length + 2);
            waterzArgs[args.length] = "--convention";
            waterzArgs[args.length + 1] = "waterz";
            JsonObject waterz = json(CliRun.of(waterzArgs));
            for (String key : r.getAsJsonObject("waterz_metrics").keySet()) {
                assertEquals(r.getAsJsonObject("waterz_metrics").get(key).getAsDouble(), waterz.get(key).getAsDouble(), 1e-9, key);
            }
            compared++;
        }
        assertEquals(12, compared, "6 merge functions x 2 thresholds");
    }

    @Test
    void aPerfectSegmentationScoresZeroAndTheTableHasFullPrecision() {
        assertEquals(0, CliRun.of("synthesize", "--output", dir.resolve("syn.h5") + ":/v", "--size", "4,48,48").exitCode());
        String gt = dir.resolve("syn.h5") + ":/v/labels";
        CliRun run = CliRun.of("evaluate", "--segmentation", gt, "--groundtruth", gt, "--border-threshold", "25");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("voi_split            0", "voi_merge            0", "adapted_rand         0", "cremi_score          0"),
                List.of(run.lines()));
    }

    @Test
    void badInputIsRefused() throws IOException {
        assertEquals(0, CliRun.of("synthesize", "--output", dir.resolve("a.n5") + ":/v", "--size", "4,40,48").exitCode());
        assertEquals(0, CliRun.of("synthesize", "--output", dir.resolve("b.n5") + ":/v", "--size", "4,40,47").exitCode());
        try (Container c = Containers.openForWriting(dir.resolve("zero.h5"), Format.HDF5);
             DatasetWriter w = c.create("/gt", DatasetInfo.ofShape(new long[] {4, 40, 48}, new int[] {4, 40, 48}, DataType.UINT32,
                     Compression.RAW))) {
            Datasets.writeAll(w, new int[4 * 40 * 48]);
            w.commit();
        }
        String a = dir.resolve("a.n5") + ":/v/";
        String b = dir.resolve("b.n5") + ":/v/";
        String zero = dir.resolve("zero.h5") + ":/gt";
        CliRun.assertUserError("evaluate --segmentation " + a + "labels --groundtruth " + b + "labels|the segmentation " + a
                + "labels has shape (4, 40, 48) but the ground truth " + b + "labels has shape (4, 40, 47)");
        CliRun.assertUserError("evaluate --segmentation " + a + "labels --groundtruth " + zero + "|the ground truth " + zero
                + " has no labelled voxel (0 means ignore)");
        CliRun.assertUserError("evaluate --segmentation " + a + "labels --groundtruth " + zero + " --border-threshold 25 --resolution 40,4,4|"
                + "the ground truth " + zero + " has no labelled voxel (0 means ignore)");
        CliRun.assertUserError("evaluate --segmentation " + a + "labels --groundtruth " + zero + " --border-threshold 25|"
                + "--border-threshold needs the voxel size: the ground truth " + zero + " has no resolution attribute");
        CliRun.assertUserError("evaluate --segmentation " + a + "boundary --groundtruth " + a + "labels|" + a + "boundary is float32; "
                + "labels are integers");
        CliRun.assertUserError("evaluate --segmentation " + a + "affinities --groundtruth " + a + "labels|" + a + "affinities has shape "
                + "(3, 4, 40, 48); labels are 3D");
        CliRun.assertUserError("evaluate --segmentation " + a + "labels --groundtruth " + a + "labels --convention rand|--convention must be");
        CliRun.assertUserError("evaluate --segmentation " + a + "labels --groundtruth " + a + "labels --border-threshold 25 --resolution 40,4|"
                + "--resolution takes three positive sizes");
    }
}
