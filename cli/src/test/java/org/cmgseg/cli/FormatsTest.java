package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cmgseg.testkit.PythonZarr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What cmgseg writes, as other tools see it. */
class FormatsTest {

    @TempDir
    Path dir;

    /** Python zarr lists an N5 group only if it has an attributes.json. */
    @Test
    void pythonZarrListsTheN5GroupsCmgsegWrites() throws IOException, InterruptedException {
        PythonZarr.requireAvailable();
        Path n5 = dir.resolve("out.n5");
        CliRun synthesize = CliRun.of("synthesize", "--output", n5 + ":/deep/synthetic", "--size", "4,24,32");
        assertEquals(0, synthesize.exitCode(), synthesize.err());
        CliRun segment = CliRun.of("segment", "--affinities", n5 + ":/deep/synthetic/affinities", "--output", n5 + ":/runs/original",
                "--thresholds", "0.5");
        assertEquals(0, segment.exitCode(), segment.err());
        List<String> tree = PythonZarr.tree(n5);
        for (String entry : List.of("group /deep", "group /deep/synthetic", "array /deep/synthetic/raw", "array /deep/synthetic/labels",
                "array /deep/synthetic/affinities", "group /runs", "group /runs/original", "array /runs/original/fragments",
                "array /runs/original/0.5")) {
            assertTrue(tree.contains(entry), entry + " in " + tree);
        }
    }
}
