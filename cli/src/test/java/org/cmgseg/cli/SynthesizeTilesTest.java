package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.core.RunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synthesize --tiles}: the untiled volume's datasets mirror-tiled, written a chunk at a time. */
class SynthesizeTilesTest {

    @TempDir
    Path dir;

    @Test
    void everyDatasetIsTheUntiledOneMirrorTiledWithTheSameAttributes() throws IOException {
        CliRun one = CliRun.of("synthesize", "--output", dir.resolve("one.n5") + ":/v", "--size", "5,24,20", "--seed", "4");
        assertEquals(0, one.exitCode(), one.err());
        CliRun tiled = CliRun.of("synthesize", "--output", dir.resolve("tiled.n5") + ":/v", "--size", "5,24,20", "--seed", "4",
                "--tiles", "2,3,2", "--block-size", "4,16,16");
        assertEquals(0, tiled.exitCode(), tiled.err());
        for (String name : List.of("raw", "labels", "boundary", "affinities")) {
            try (Containers.OpenDataset a = Volumes.open(dir.resolve("one.n5") + ":/v/" + name);
                 Containers.OpenDataset b = Volumes.open(dir.resolve("tiled.n5") + ":/v/" + name)) {
                long[] dims = a.dataset().info().dimensions();
                long[] tiledDims = b.dataset().info().dimensions();
                assertArrayEquals(new long[] {dims[0] * 2, dims[1] * 3, dims[2] * 2}, Arrays.copyOf(tiledDims, 3), name);
                assertEquals(a.dataset().info().dataType(), b.dataset().info().dataType(), name);
                assertEquals(a.container().attributes("/v/" + name).get("resolution"), b.container().attributes("/v/" + name).get("resolution"));
                if (name.equals("affinities")) {
                    continue; // in a flipped copy an affinity links a voxel to its other neighbour: checked against the boundary below
                }
                Object whole = a.dataset().readAll();
                Object tiles = b.dataset().readAll();
                DataType type = a.dataset().info().dataType();
                for (long z = 0; z < tiledDims[2]; z++) {
                    for (long y = 0; y < tiledDims[1]; y++) {
                        for (long x = 0; x < tiledDims[0]; x++) {
                            long to = (z * tiledDims[1] + y) * tiledDims[0] + x;
                            long from = (flip(z, dims[2]) * dims[1] + flip(y, dims[1])) * dims[0] + flip(x, dims[0]);
                            assertEquals(type.get(whole, (int) from), type.get(tiles, (int) to), name + " at " + x + "," + y + "," + z);
                        }
                    }
                }
            }
        }
        try (Containers.OpenDataset boundary = Volumes.open(dir.resolve("tiled.n5") + ":/v/boundary");
             Containers.OpenDataset affinities = Volumes.open(dir.resolve("tiled.n5") + ":/v/affinities")) {
            float[] p = (float[]) boundary.dataset().readAll();
            float[] aff = (float[]) affinities.dataset().readAll();
            int[] size = {10, 72, 40};
            int[] stride = {72 * 40, 40, 1};
            for (int c = 0; c < 3; c++) {
                for (int v = 0; v < p.length; v++) {
                    int along = v / stride[c] % size[c];
                    float expected = along == 0 ? 0f : Math.min(1f - p[v], 1f - p[v - stride[c]]);
                    assertEquals(expected, aff[c * p.length + v], "affinity " + c + " at " + v);
                }
            }
            // x = 20 is the first voxel of the second, flipped copy along x: its neighbour x = 19 mirrors it
            int v = (3 * 72 + 30) * 40 + 20;
            assertEquals(1f - p[v], aff[2 * p.length + v], "mirrored neighbours across the seam share the boundary value");
        }
    }

    @Test
    void tilesAreThreePositiveCounts() {
        CliRun.assertUserError("synthesize --output " + dir.resolve("t.n5") + ":/v --size 4,16,16 --tiles 2,0,2|--tiles sizes must be positive");
        CliRun.assertUserError("synthesize --output " + dir.resolve("t.n5") + ":/v --size 4,16,16 --tiles 2,2|--tiles takes 3");
        assertFalse(Files.exists(dir.resolve("t.n5").resolve("v")), "nothing written");
    }

    @Test
    void theWriterIsHandedOneChunkAtATime() throws IOException {
        DatasetInfo info = new DatasetInfo(new long[] {40, 72, 10}, new int[] {16, 16, 4}, DataType.UINT8, Compression.RAW);
        List<int[]> writes = new ArrayList<>();
        DatasetWriter recorder = new DatasetWriter() {
            @Override
            public DatasetInfo info() {
                return info;
            }

            @Override
            public void write(long[] offset, int[] size, Object data) {
                assertEquals(size[0] * size[1] * size[2], ((byte[]) data).length);
                writes.add(size);
            }

            @Override
            public void commit() {
            }

            @Override
            public void close() {
            }
        };
        SynthesizeCommand.writeChunks(recorder, (offset, size) -> new byte[size[0] * size[1] * size[2]], RunContext.sequential());
        assertEquals(info.grid().blocks(), writes.size());
        assertTrue(writes.stream().allMatch(size -> size[0] <= 16 && size[1] <= 16 && size[2] <= 4));
    }

    /** The untiled coordinate of tiled coordinate p along an axis of n voxels: odd copies are flipped. */
    private static long flip(long p, long n) {
        return (p / n) % 2 == 0 ? p % n : n - 1 - p % n;
    }
}
