package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.cmgseg.affinities.io.codec.Deflate;
import org.cmgseg.cmg.Cmg;
import org.cmgseg.cmg.CmgTransform;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.data.SyntheticEm;
import org.cmgseg.data.SyntheticParameters;
import org.cmgseg.data.SyntheticVolume;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** info, convert, affinities, transform and synthesize end to end, and their answers to bad input. */
class VolumeCommandsTest {

    private static final VoxelGrid GRID = VoxelGrid.ofShape(8, 40, 48);

    @TempDir
    static Path dir;

    private static SyntheticVolume volume;

    @BeforeAll
    static void synthesize() {
        CliRun run = CliRun.of("synthesize", "--output", dir.resolve("syn.n5") + ":/v", "--size", "8,40,48", "--seed", "3");
        assertEquals(0, run.exitCode(), run.err());
        volume = SyntheticEm.generate(SyntheticParameters.defaults().withGrid(GRID).withSeed(3));
    }

    private static Object read(String address) throws IOException {
        try (var open = Containers.open(DatasetAddress.parse(address))) {
            return open.dataset().readAll();
        }
    }

    private static JsonObject attributes(String address) throws IOException {
        DatasetAddress a = DatasetAddress.parse(address);
        try (Container c = Containers.open(a.container(), a.format())) {
            return c.attributes(a.dataset());
        }
    }

    private String syn(String dataset) {
        return dir.resolve("syn.n5") + ":/v/" + dataset;
    }

    @Test
    void synthesizeWritesTheLibrarysVolumeWithItsGeometry() throws IOException {
        assertArrayEquals(volume.labels(), (long[]) read(syn("labels")));
        assertArrayEquals(volume.raw(), (byte[]) read(syn("raw")));
        assertArrayEquals(volume.affinities().values(), (float[]) read(syn("affinities")));
        assertEquals("[4.0,4.0,40.0]", attributes(syn("raw")).get("resolution").toString(), "N5 attributes are (x, y, z)");
    }

    @Test
    void infoShowsShapeTypeChunksCompressionAndAttributes() {
        CliRun run = CliRun.of("info", syn("affinities"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("shape        (3, 8, 40, 48)  (c, z, y, x)"), run.out());
        assertTrue(run.out().contains("data type    float32"), run.out());
        assertTrue(run.out().contains("compression  gzip:6 (decompressed by " + Deflate.inflater() + ")"), run.out());
        assertTrue(run.out().contains("\"resolution\":[4.0,4.0,40.0]"), run.out());
        CliRun group = CliRun.of("info", dir.resolve("syn.n5") + ":/v", "--json");
        assertTrue(group.out().contains("{\"name\": \"labels\", \"kind\": \"dataset\", \"shape\": [8, 40, 48], \"dtype\": \"uint64\"}"), group.out());
    }

    @Test
    void convertKeepsValuesAndAttributesAcrossFormats() throws IOException {
        for (String target : new String[] {"c.zarr:/raw", "c.h5:/volumes/raw", "c.tif"}) {
            String out = dir.resolve(target).toString();
            CliRun run = CliRun.of("convert", syn("raw"), out, "--block-size", "4,16,16");
            assertEquals(0, run.exitCode(), target + ": " + run.err());
            assertArrayEquals(volume.raw(), (byte[]) read(out), target);
        }
        assertEquals("[40.0,4.0,4.0]", attributes(dir.resolve("c.zarr") + ":/raw").get("resolution").toString(),
                "N5 lists the resolution (x, y, z), Zarr (z, y, x)");
        assertEquals("[40.0,4.0,4.0]", attributes(dir.resolve("c.h5") + ":/volumes/raw").get("resolution").toString());
    }

    @Test
    void affinitiesFromLabelsAndFromTheBoundaryMap() throws IOException {
        String fromLabels = dir.resolve("aff.zarr") + ":/gt";
        assertEquals(0, CliRun.of("affinities", "--labels", syn("labels"), "--output", fromLabels).exitCode());
        assertArrayEquals(AffinityGraph.fromLabels(GRID, volume.labels()).values(), (float[]) read(fromLabels));
        String fromBoundary = dir.resolve("aff.zarr") + ":/predicted";
        assertEquals(0, CliRun.of("affinities", "--boundary", syn("boundary"), "--output", fromBoundary).exitCode());
        assertArrayEquals(volume.affinities().values(), (float[]) read(fromBoundary));
        String longRange = dir.resolve("aff.zarr") + ":/long";
        assertEquals(0, CliRun.of("affinities", "--labels", syn("labels"), "--output", longRange, "--offsets", "-1,0,0;0,-3,0").exitCode());
        assertEquals(2 * GRID.voxels(), ((float[]) read(longRange)).length);
        assertEquals("[[-1,0,0],[0,-3,0]]", attributes(longRange).get("affinity_offsets").toString());
    }

    @Test
    void transformIsTheCmgOfEveryValueOnTheGlobalRange() throws IOException {
        String out = dir.resolve("cmg.h5") + ":/cmg";
        CliRun run = CliRun.of("transform", "--input", syn("affinities"), "--output", out, "--mu", "0.7", "--inflection", "0.4");
        assertEquals(0, run.exitCode(), run.err());
        float[] affinities = volume.affinities().values();
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : affinities) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float[] expected = affinities.clone();
        new CmgTransform(Cmg.softThreshold(0.7, 0.4, min, max, org.cmgseg.cmg.LogitMethod.EXACT)).apply(expected);
        assertArrayEquals(expected, (float[]) read(out));
        assertEquals(0.7, attributes(out).get("mu").getAsDouble());
        assertEquals("logit", attributes(out).get("phase").getAsString());
        assertTrue(run.out().startsWith("CMG mu=0.7 I=0.4 (logit) on ["), run.out());
    }

    @Test
    void transformWithinOneHdf5File() throws IOException {
        Path file = dir.resolve("one.h5");
        assertEquals(0, CliRun.of("convert", syn("affinities"), file + ":/affinities").exitCode());
        CliRun run = CliRun.of("transform", "--input", file + ":/affinities", "--output", file + ":/cmg", "--mu", "0.3", "--inflection", "0.5");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(((float[]) read(file + ":/affinities")).length, ((float[]) read(file + ":/cmg")).length);
    }

    private static void writeFloats(Path container, Format format, long[] dims, float[] values) throws IOException {
        try (Container c = Containers.openForWriting(container, format);
             DatasetWriter w = c.create("/a", new DatasetInfo(dims, new int[] {8, 8, 4, 1}, DataType.FLOAT32, Compression.RAW))) {
            Datasets.writeAll(w, values);
            w.commit();
        }
    }

    @Test
    void nonFiniteAffinitiesFailWithTheirPositionOrAreReplaced() throws IOException {
        float[] values = volume.affinities().values().clone();
        values[GRID.index(5, 7, 2) + 2 * (int) GRID.voxels()] = Float.NaN;
        Path nan = dir.resolve("nan.n5");
        writeFloats(nan, Format.N5, new long[] {48, 40, 8, 3}, values);
        String out = nan + ":/cmg";
        CliRun.assertUserError("transform --input " + nan + ":/a --output " + out + " --mu 0.4 --inflection 0.3|holds NaN at [2, 2, 7, 5]");
        assertFalse(Files.exists(nan.resolve("cmg")), "nothing written");
        assertEquals(0, CliRun.of("transform", "--input", nan + ":/a", "--output", out, "--mu", "0.4", "--inflection", "0.3", "--nan-as", "0").exitCode());
    }

    @Test
    void badInputsGiveOneLineAndNothingPartial() throws IOException {
        Path two = dir.resolve("two.n5");
        writeFloats(two, Format.N5, new long[] {48, 40, 8, 2}, new float[2 * (int) GRID.voxels()]);
        Files.writeString(dir.resolve("file.n5"), "not a folder");
        Path corrupt = dir.resolve("corrupt.n5");
        assertEquals(0, CliRun.of("convert", syn("affinities"), corrupt + ":/a").exitCode());
        Files.write(corrupt.resolve("a/0/0/0/0"), new byte[] {0, 0, 0, 4, 1});
        String cmg = " --output " + dir.resolve("out.n5") + ":/cmg --mu 0.4 --inflection 0.3";
        CliRun.assertUserError("info " + dir.resolve("missing.h5") + ":/x|no such file: " + dir.resolve("missing.h5"));
        CliRun.assertUserError("info " + dir.resolve("file.n5") + "|" + dir.resolve("file.n5") + " is not an N5 container (not a folder)");
        CliRun.assertUserError("info " + syn("nothing") + "|no group or dataset /v/nothing in " + dir.resolve("syn.n5"));
        CliRun.assertUserError("info " + dir.resolve("x.txt") + "|is not a dataset address: expected PATH.n5:/dataset");
        CliRun.assertUserError("transform --input " + syn("raw") + cmg + "|affinities must be (c, z, y, x); " + syn("raw") + " has shape (8, 40, 48)");
        CliRun.assertUserError("transform --input " + two + ":/a" + cmg + "|the value range [0.0, 0.0] is empty: the volume is constant");
        CliRun.assertUserError("transform --input " + corrupt + ":/a" + cmg + "|" + corrupt + ":/a block [0, 0, 0, 0]");
        CliRun.assertUserError("convert " + syn("raw") + " " + dir.resolve("o.n5") + ":/r --compression jpeg|unsupported compression 'jpeg'; supported: raw, gzip");
        CliRun.assertUserError("convert " + syn("raw") + " " + dir.resolve("o.h5") + ":/r --compression zstd|with zstd compression: HDF5 datasets are written raw or with gzip");
        CliRun.assertUserError("convert " + syn("raw") + " " + dir.resolve("no/such/folder/o.h5") + ":/r|does not exist");
        CliRun.assertUserError("transform --input " + syn("affinities") + " --output " + syn("affinities") + " --mu 0.4 --inflection 0.3|is the input");
        try (Stream<Path> files = Files.walk(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".partial")), "no partial outputs");
        }
        assertFalse(Files.exists(dir.resolve("out.n5").resolve("cmg")));
        assertFalse(Files.exists(dir.resolve("o.h5")), "a failed HDF5 output leaves no file");
    }

    @Test
    void unwritableOutputFolder() throws IOException {
        Path readOnly = Files.createDirectory(dir.resolve("readonly"));
        assertTrue(readOnly.toFile().setWritable(false));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(readOnly), "skipped: running as a user who can write anywhere");
            CliRun.assertUserError("convert " + syn("raw") + " " + readOnly.resolve("o.zarr") + ":/r|" + readOnly.resolve("o.zarr"));
        } finally {
            readOnly.toFile().setWritable(true);
        }
    }
}
