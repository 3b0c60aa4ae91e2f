package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.Datasets;
import org.cmgseg.affinities.io.Format;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every output is checked before any work starts, an existing one is replaced only with --overwrite,
 * and a failed command leaves nothing behind: each case lists the output folder before and after.
 */
class OutputsTest {

    @TempDir
    static Path inputs;

    @TempDir
    Path out;

    @BeforeAll
    static void synthesize() throws IOException {
        CliRun run = CliRun.of("synthesize", "--output", inputs.resolve("syn.n5") + ":/v", "--size", "8,40,48", "--seed", "3");
        assertEquals(0, run.exitCode(), run.err());
        float[] values;
        try (var open = Containers.open(DatasetAddress.parse(syn("affinities")))) {
            values = (float[]) open.dataset().readAll();
        }
        values[1234] = Float.NaN;
        try (Container c = Containers.openForWriting(inputs.resolve("nan.n5"), Format.N5);
             DatasetWriter w = c.create("/a", new DatasetInfo(new long[] {48, 40, 8, 3}, new int[] {48, 40, 8, 1}, DataType.FLOAT32,
                     Compression.RAW))) {
            Datasets.writeAll(w, values);
            w.commit();
        }
    }

    private static String syn(String dataset) {
        return inputs.resolve("syn.n5") + ":/v/" + dataset;
    }

    /** Every file and folder under a folder, hidden ones included, relative to it. */
    static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> !p.equals(folder)).map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }

    /** Runs a command that must fail with the user-error contract and leave {@link #out} as it was. */
    private void assertRefusedLeavingNothing(String message, String... args) throws IOException {
        List<String> before = listing(out);
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
        assertEquals("", run.out());
        assertEquals(1, run.err().strip().split("\n").length, run.err());
        assertTrue(run.err().contains(message), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertEquals(before, listing(out), "nothing left behind by " + String.join(" ", args));
    }

    private void assertSucceeds(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), String.join(" ", args) + ": " + run.err());
    }

    @Test
    void outputsInAMissingFolderAreRefusedBeforeAnyWork() throws IOException {
        Path missing = out.resolve("missing");
        String noFolder = "folder " + missing.toAbsolutePath() + " does not exist";
        assertRefusedLeavingNothing(noFolder, "convert", syn("raw"), missing.resolve("r.n5") + ":/raw");
        assertRefusedLeavingNothing(noFolder, "transform", "--input", syn("affinities"), "--output", missing.resolve("t.h5") + ":/t",
                "--mu", "0.4", "--inflection", "0.3");
        assertRefusedLeavingNothing(noFolder, "affinities", "--labels", syn("labels"), "--output", missing.resolve("a.zarr") + ":/a");
        assertRefusedLeavingNothing(noFolder, "synthesize", "--output", missing.resolve("s.n5") + ":/v", "--size", "4,8,8");
        assertRefusedLeavingNothing(noFolder, "segment", "--affinities", syn("affinities"), "--output", missing.resolve("s.n5") + ":/s",
                "--thresholds", "0.5");
        assertRefusedLeavingNothing(noFolder, "segment", "--affinities", syn("affinities"), "--output", out.resolve("s.n5") + ":/s",
                "--thresholds", "0.5", "--merge-history", missing.resolve("h.csv").toString());
        assertRefusedLeavingNothing(noFolder, "gridsearch", "--affinities", syn("affinities"), "--groundtruth", syn("labels"),
                "--output", missing.resolve("grid").toString());
        assertRefusedLeavingNothing(noFolder, "gridsearch", "--affinities", syn("affinities"), "--groundtruth", syn("labels"),
                "--output", out.resolve("grid").toString(), "--save-best", missing.resolve("b.n5") + ":/best");
        assertRefusedLeavingNothing(noFolder, "train", "--data", "synthetic", "--output", missing.resolve("run").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.n5:/g/affs", "a.zarr:/g/affs", "a.h5:/g/affs"})
    void anExistingDatasetIsReplacedOnlyWithOverwrite(String address) throws IOException {
        String target = out.resolve(address.substring(0, address.indexOf(':'))) + address.substring(address.indexOf(':'));
        assertSucceeds("convert", syn("affinities"), target, "--compression", "gzip");
        List<String> written = listing(out);
        assertRefusedLeavingNothing(target + " exists; give --overwrite to replace it", "convert", syn("affinities"), target,
                "--compression", "raw");
        assertSucceeds("convert", syn("affinities"), target, "--compression", "raw", "--overwrite");
        assertEquals(written, listing(out), "replaced in place, no hidden leftovers");
        try (var open = Containers.open(DatasetAddress.parse(target))) {
            assertEquals("raw", open.dataset().info().compression().codec(), "the second write replaced the first");
        }
    }

    @Test
    void anExistingTiffFileIsReplacedOnlyWithOverwrite() throws IOException {
        Path tif = out.resolve("raw.tif");
        assertSucceeds("convert", syn("raw"), tif.toString());
        assertRefusedLeavingNothing(tif + " exists; give --overwrite to replace it", "convert", syn("boundary"), tif.toString());
        assertSucceeds("convert", syn("boundary"), tif.toString(), "--overwrite");
        try (var open = Containers.open(DatasetAddress.parse(tif.toString()))) {
            assertEquals(DataType.FLOAT32, open.dataset().info().dataType());
        }
    }

    @Test
    void overwritingASegmentationGroupRemovesThresholdsOnly() throws IOException {
        String group = out.resolve("t.n5") + ":/seg";
        for (String name : List.of("0.25", "1e-1", "Infinity")) {
            assertSucceeds("convert", syn("raw"), group + "/" + name);
        }
        assertSucceeds("segment", "--affinities", syn("affinities"), "--output", group, "--thresholds", "0.5", "--overwrite");
        try (Container c = Containers.open(out.resolve("t.n5"), Format.N5)) {
            assertEquals(List.of("0.5", "1e-1", "Infinity", "fragments"), c.children("/seg"), "0.25 is a threshold, the others are not");
        }
    }

    @Test
    void aSegmentationGroupWrittenAgainHoldsNoStaleThresholds() throws IOException {
        String group = out.resolve("s.n5") + ":/seg";
        Path history = out.resolve("history.csv");
        assertSucceeds("segment", "--affinities", syn("affinities"), "--output", group, "--thresholds", "0.3,0.5,0.7",
                "--merge-history", history.toString());
        assertRefusedLeavingNothing(group + " already holds 0.3, 0.5, 0.7, fragments; give --overwrite to replace them",
                "segment", "--affinities", syn("affinities"), "--output", group, "--thresholds", "0.4,0.5");
        String otherGroup = out.resolve("s.n5") + ":/other";
        assertRefusedLeavingNothing(history + " exists; give --overwrite to replace it",
                "segment", "--affinities", syn("affinities"), "--output", otherGroup, "--thresholds", "0.5", "--merge-history", history.toString());
        assertSucceeds("segment", "--affinities", syn("affinities"), "--output", group, "--thresholds", "0.4,0.5", "--overwrite",
                "--merge-history", history.toString());
        try (Container c = Containers.open(out.resolve("s.n5"), Format.N5)) {
            assertEquals(List.of("0.4", "0.5", "fragments"), c.children("/seg"), "no threshold of the first run is left");
        }
        assertTrue(Files.readString(history).lines().skip(1).allMatch(l -> l.endsWith(",0.4") || l.endsWith(",0.5")), "history rewritten");
        assertTrue(listing(out).stream().noneMatch(p -> p.contains(".partial")), listing(out).toString());
    }

    @Test
    void aSegmentationGroupsSubgroupsAreNoOutputs() throws IOException {
        String group = out.resolve("g.n5") + ":/seg";
        assertSucceeds("convert", syn("raw"), group + "/notes/raw");
        assertSucceeds("segment", "--affinities", syn("affinities"), "--output", group, "--thresholds", "0.5");
        assertRefusedLeavingNothing(group + " already holds 0.5, fragments; give --overwrite to replace them",
                "segment", "--affinities", syn("affinities"), "--output", group, "--thresholds", "0.5");
        try (Container c = Containers.open(out.resolve("g.n5"), Format.N5)) {
            assertTrue(c.isDataset("/seg/notes/raw"), "the sub-group is left alone");
        }
    }

    @Test
    void aGroupIsNeverReplacedByADataset() throws IOException {
        assertSucceeds("convert", syn("raw"), out.resolve("x.n5") + ":/g/raw");
        assertRefusedLeavingNothing("it is a group; name a dataset inside it", "convert", syn("raw"), out.resolve("x.n5") + ":/g", "--overwrite");
        assertRefusedLeavingNothing("is a dataset, not a group", "convert", syn("raw"), out.resolve("x.n5") + ":/g/raw/inner");
        assertRefusedLeavingNothing("is a dataset, not a group", "segment", "--affinities", syn("affinities"), "--output",
                out.resolve("x.n5") + ":/g/raw", "--thresholds", "0.5", "--overwrite");
    }

    @ParameterizedTest
    @ValueSource(strings = {"t.n5:/t", "t.zarr:/g/t", "t.h5:/t"})
    void aCommandFailingAfterItsChecksLeavesNoContainerBehind(String address) throws IOException {
        // the NaN is found during the work, after the output container would have been created
        assertRefusedLeavingNothing("nan.n5", "transform", "--input", inputs.resolve("nan.n5") + ":/a", "--output",
                out.resolve(address).toString(), "--mu", "0.4", "--inflection", "0.3");
    }

    @Test
    void aLaterRunRemovesWhatAKilledOneLeftUnfinished() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        assertSucceeds("convert", syn("raw"), out.resolve("x.zarr") + ":/g/raw");
        Path staleDataset = Files.createDirectories(out.resolve("x.zarr/g/.labels." + finished.pid() + ".5a.partial/0"));
        Path staleFile = Files.writeString(out.resolve(".history.csv." + finished.pid() + ".6b.partial"), "a,b,c,score,threshold\n");
        assertSucceeds("convert", syn("labels"), out.resolve("x.zarr") + ":/g/labels");
        assertFalse(Files.exists(staleDataset.getParent()), "the folder of a dead writer is removed by the next write beside it");
        assertSucceeds("segment", "--affinities", syn("affinities"), "--output", out.resolve("x.zarr") + ":/seg", "--thresholds", "0.5",
                "--merge-history", out.resolve("history.csv").toString());
        assertFalse(Files.exists(staleFile), "and so is a file");
        assertTrue(listing(out).stream().noneMatch(p -> p.contains(".partial")), listing(out).toString());
    }

    @Test
    void trainStartsAfreshOverAnEarlierRunOnlyWithOverwrite() throws IOException {
        String[] ifm = {"train", "--data", "synthetic", "--ifm", "cmg", "--hidden", "16", "--epochs", "1", "--batch-size", "500",
                "--output", out.toString()};
        assertSucceeds(ifm);
        assertTrue(Files.exists(out.resolve("ifm-parameters.tsv")));
        assertRefusedLeavingNothing("holds an earlier run (checkpoint.bin); give --resume to continue it or --overwrite to start afresh",
                "train", "--data", "synthetic", "--output", out.toString());
        assertSucceeds("train", "--data", "synthetic", "--hidden", "16", "--epochs", "1", "--batch-size", "500", "--output", out.toString(),
                "--overwrite");
        assertEquals(List.of("checkpoint.bin", "curves.png", "metrics.csv", "metrics.json"), listing(out), "nothing of the earlier run is left");
    }
}
