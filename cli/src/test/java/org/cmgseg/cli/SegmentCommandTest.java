package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.testkit.Sha256;
import org.cmgseg.testkit.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cmgseg segment against waterz's own output, on the synthetic volume, and on bad input. */
class SegmentCommandTest {

    @TempDir
    static Path dir;

    private static String synthetic;

    @BeforeAll
    static void synthesize() {
        CliRun run = CliRun.of("synthesize", "--output", dir.resolve("syn.zarr") + ":/v", "--size", "12,64,80", "--seed", "5");
        assertEquals(0, run.exitCode(), run.err());
        synthetic = dir.resolve("syn.zarr") + ":/v/";
    }

    private static Object read(String address) throws IOException {
        try (var open = Containers.open(DatasetAddress.parse(address))) {
            return open.dataset().readAll();
        }
    }

    private static List<String> children(Path group) throws IOException {
        try (Stream<Path> files = Files.list(group)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    /** Every written volume, and the merge history, as waterz.agglomerate wrote them (reference.json). */
    @Test
    void writesWhatWaterzWrites() throws IOException {
        Path inputs = SharedData.require("waterz-reference/gala_train_inputs.h5");
        Path segmentations = SharedData.require("waterz-reference/gala_train_segmentations.h5");
        JsonObject reference = JsonParser.parseString(Files.readString(SharedData.require("waterz-reference/reference.json")))
                .getAsJsonObject();
        String group = dir.resolve("gala.n5") + ":/mean";
        Path history = dir.resolve("mean.csv");
        CliRun run = CliRun.of("segment", "--affinities", inputs + ":/volumes/affinities", "--output", group, "--merge-function", "mean",
                "--queue", "bins:256", "--thresholds", "0.5,0.1:0.3:0.1", "--merge-history", history.toString(), "--threads", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("sorted them: 0.1, 0.2, 0.3, 0.5"), run.err());
        // the group has its attributes.json, so that other N5 readers list it
        assertEquals(List.of("0.1", "0.2", "0.3", "0.5", "attributes.json", "fragments"), children(dir.resolve("gala.n5/mean")));
        int compared = 0;
        for (JsonElement e : reference.getAsJsonArray("records")) {
            JsonObject r = e.getAsJsonObject();
            if (r.get("affinity_variant").getAsString().equals("affinities") && r.get("merge_function").getAsString().equals("mean")
                    && r.get("discretize_queue").getAsInt() == 256 && List.of(0.1, 0.2, 0.3, 0.5).contains(r.get("threshold").getAsDouble())) {
                String name = CFormat.shortest(r.get("threshold").getAsDouble());
                assertEquals(r.get("segmentation_sha256").getAsString(), Sha256.of(read(group + "/" + name)), name);
                assertTrue(run.out().contains(String.format("%10s %10d", name, r.get("n_segments").getAsInt())), run.out());
                compared++;
            }
        }
        assertEquals(4, compared);
        assertEquals(reference.getAsJsonArray("records").get(0).getAsJsonObject().get("fragments_sha256").getAsString(),
                Sha256.of(read(group + "/fragments")));

        List<String> rows = Files.readAllLines(history);
        assertEquals("a,b,c,score,threshold", rows.get(0));
        try (Container h5 = Containers.open(segmentations, Format.HDF5)) {
            long[] a = (long[]) h5.open("merge_histories/mean/dq256/0.5/a").readAll();
            long[] b = (long[]) h5.open("merge_histories/mean/dq256/0.5/b").readAll();
            float[] score = (float[]) h5.open("merge_histories/mean/dq256/0.5/score").readAll();
            assertEquals(a.length + 1, rows.size(), "every merge up to the largest threshold, 0.5");
            for (int i = 0; i < a.length; i++) {
                String[] cells = rows.get(i + 1).split(",");
                assertEquals(a[i], Long.parseLong(cells[0]), "a of merge " + i);
                assertEquals(b[i], Long.parseLong(cells[1]), "b of merge " + i);
                assertEquals(a[i], Long.parseLong(cells[2]), "c of merge " + i);
                assertEquals(score[i], Float.parseFloat(cells[3]), "score of merge " + i);
                assertTrue(score[i] < Float.parseFloat(cells[4]) || cells[4].equals("0.5"), rows.get(i + 1));
            }
        }
    }

    @Test
    void theThreadCountChangesNothing() throws IOException {
        for (String threads : new String[] {"1", "2"}) {
            CliRun run = CliRun.of("segment", "--affinities", synthetic + "affinities", "--output", dir.resolve("t" + threads + ".h5") + ":/s",
                    "--thresholds", "0.2,0.6", "--threads", threads, "--block-size", "5,32,32");
            assertEquals(0, run.exitCode(), run.err());
        }
        for (String name : new String[] {"fragments", "0.2", "0.6"}) {
            assertArrayEquals((long[]) read(dir.resolve("t1.h5") + ":/s/" + name), (long[]) read(dir.resolve("t2.h5") + ":/s/" + name), name);
        }
    }

    @Test
    void takesTheFragmentsItIsGiven() throws IOException {
        String group = dir.resolve("given.n5") + ":/";
        assertEquals(0, CliRun.of("segment", "--affinities", synthetic + "affinities", "--output", group + "first", "--fragments", "distance2d",
                "--thresholds", "0.4").exitCode());
        CliRun again = CliRun.of("segment", "--affinities", synthetic + "affinities", "--output", group + "second", "--fragments",
                group + "first/fragments", "--thresholds", "0.4");
        assertEquals(0, again.exitCode(), again.err());
        assertArrayEquals((long[]) read(group + "first/0.4"), (long[]) read(group + "second/0.4"));
        JsonObject attributes;
        try (Container n5 = Containers.open(dir.resolve("given.n5"), Format.N5)) {
            attributes = n5.attributes("first/0.4");
        }
        assertEquals(0.4, attributes.get("threshold").getAsDouble());
        assertEquals("histogram:50:bins=256:maxinit", attributes.get("merge_function").getAsString());
        assertEquals("[4.0,4.0,40.0]", attributes.get("resolution").toString(), "N5 lists the resolution (x, y, z)");
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() throws IOException {
        String out = dir.resolve("bad.n5") + ":/s";
        String affs = synthetic + "affinities";
        CliRun.assertUserError("segment --affinities " + synthetic + "labels --output " + out + " --thresholds 0.5|labels is uint64; "
                + "affinities and boundary maps are float32");
        CliRun.assertUserError("segment --affinities " + synthetic + "boundary --output " + out + " --thresholds 0.5|shape (3, z, y, x)");
        CliRun.assertUserError("segment --affinities " + affs + " --output " + out + " --thresholds 0.5 --merge-function median|"
                + "known: mean, max, min, max_10");
        CliRun.assertUserError("segment --affinities " + affs + " --output " + out + " --thresholds 0.5,1.5|thresholds must be in [0, 1]");
        CliRun.assertUserError("segment --affinities " + affs + " --output " + out + " --thresholds 0.9:0.1:0.1|is empty");
        CliRun.assertUserError("segment --affinities " + affs + " --output " + out + " --thresholds 0.5 --queue bins:0|queue");
        CliRun.assertUserError("segment --affinities " + affs + " --output " + out + " --thresholds 0.5 --fragments distance3d --low 0.1|"
                + "do not apply");
        CliRun.assertUserError("segment --affinities " + affs + " --output " + dir.resolve("x.tif") + " --thresholds 0.5|not "
                + dir.resolve("x.tif"));
        CliRun.assertUserError("segment --affinities " + affs + " --output " + out + " --thresholds 0.5 --fragments "
                + dir.resolve("gala-shape.h5") + ":/missing|gala-shape.h5");
        assertEquals(0, CliRun.of("synthesize", "--output", dir.resolve("other.n5") + ":/v", "--size", "12,64,81").exitCode());
        CliRun.assertUserError("segment --affinities " + affs + " --output " + out + " --thresholds 0.5 --fragments "
                + dir.resolve("other.n5") + ":/v/labels|shape");
        assertFalse(Files.exists(dir.resolve("bad.n5/s")), "no output after an error");
    }
}
