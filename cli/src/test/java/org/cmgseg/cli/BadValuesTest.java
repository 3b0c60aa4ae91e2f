package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.cmgseg.testkit.PythonZarr;
import org.cmgseg.testkit.Required;
import org.cmgseg.testkit.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad values through every command that reads them (segment, gridsearch, transform, affinities,
 * evaluate, info, convert): each refused with exit code 2 and one line that names the dataset and the
 * problem, leaving the folder as it was; or handled as documented (--nan-as, uint8, --channels).
 */
class BadValuesTest {

    /** numpy shape (z, y, x) of the test volume. */
    private static final int Z = 6;
    private static final int Y = 32;
    private static final int X = 40;
    private static final int VOXELS = Z * Y * X;
    private static final long[] DIMS = {X, Y, Z, 3};
    private static final String[] TINY_GRID = {"--mu", "0.5", "--inflection", "0.5", "--merge-functions", "mean", "--thresholds", "0.5"};

    @TempDir
    static Path dir;

    private static float[] affinities;
    private static float[] boundary;

    @BeforeAll
    static void synthesize() throws IOException {
        CliRun run = CliRun.of("synthesize", "--output", syn("v"), "--size", Z + "," + Y + "," + X, "--seed", "4");
        assertEquals(0, run.exitCode(), run.err());
        affinities = (float[]) read(syn("v/affinities"));
        boundary = (float[]) read(syn("v/boundary"));
    }

    private static String syn(String dataset) {
        return dir.resolve("syn.n5") + ":/" + dataset;
    }

    private static String in(String container) {
        return dir.resolve(container) + ":/a";
    }

    private static Object read(String address) throws IOException {
        try (var open = Containers.open(DatasetAddress.parse(address))) {
            return open.dataset().readAll();
        }
    }

    /** dataset "/a" of an N5 container in the test folder, in blocks of (x, y, z, c) = (16, 16, 2, 1), with attributes. */
    private static void write(String container, long[] dims, DataType type, Object values, JsonObject attributes) throws IOException {
        int[] block = {16, 16, 2, 1};
        try (Container c = Containers.openForWriting(dir.resolve(container), Format.N5)) {
            try (DatasetWriter w = c.create("/a", new DatasetInfo(dims, java.util.Arrays.copyOf(block, dims.length), type, Compression.GZIP))) {
                Datasets.writeAll(w, values);
                w.commit();
            }
            if (!attributes.isEmpty()) {
                c.setAttributes("/a", attributes);
            }
        }
    }

    private static void write(String container, long[] dims, DataType type, Object values) throws IOException {
        write(container, dims, type, values, new JsonObject());
    }

    /** Every file and folder under the test folder, hidden ones included. */
    private static List<String> listing() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    /**
     * Runs a command that must be refused: exit code 2, nothing on standard output, one line on standard
     * error that contains {@code message}, no stack trace, and the test folder exactly as before.
     */
    private static String refused(String message, String... args) throws IOException {
        List<String> before = listing();
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals(1, run.err().strip().split("\n").length, run.err());
        assertTrue(run.err().contains(message), "expected '" + message + "' in: " + run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        List<String> after = listing();
        assertEquals(List.of(), after.stream().filter(p -> !before.contains(p)).toList(), "left behind by " + String.join(" ", args));
        assertEquals(List.of(), before.stream().filter(p -> !after.contains(p)).toList(), "removed by " + String.join(" ", args));
        return run.err().strip();
    }

    private static CliRun succeeds(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    private static String[] segment(String affinitiesAddress, String group, String... more) {
        List<String> args = new ArrayList<>(List.of("segment", "--affinities", affinitiesAddress, "--output", group, "--thresholds",
                "0.3,0.6", "--threads", "2"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static String[] gridsearch(String affinitiesAddress, String folder, String... more) {
        List<String> args = new ArrayList<>(List.of("gridsearch", "--affinities", affinitiesAddress, "--groundtruth", syn("v/labels"),
                "--output", dir.resolve(folder).toString(), "--threads", "2"));
        args.addAll(List.of(TINY_GRID));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static String[] transform(String affinitiesAddress, String output, String... more) {
        List<String> args = new ArrayList<>(List.of("transform", "--input", affinitiesAddress, "--output", output, "--mu", "0.4",
                "--inflection", "0.3"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static String segmentationHash(String group, String name) throws IOException {
        return Sha256.of(read(group + "/" + name));
    }

    @Test
    void nanAndInfinityAreRefusedWithTheirPositionByEveryCommandUnlessNanAsIsGiven() throws IOException {
        float[] values = affinities.clone();
        // channel 1 (y), z = 3, y = 5, x = 7
        values[VOXELS + (3 * Y + 5) * X + 7] = Float.NaN;
        values[2 * VOXELS + (4 * Y + 6) * X + 8] = Float.POSITIVE_INFINITY;
        write("nan.n5", DIMS, DataType.FLOAT32, values);
        String message = in("nan.n5") + " holds NaN at [1, 3, 5, 7]; give a value in [0, 1] to read NaN and infinities as (--nan-as)";
        refused(message, segment(in("nan.n5"), dir.resolve("nan.n5") + ":/s"));
        refused(message, gridsearch(in("nan.n5"), "nan-grid"));
        refused(message, transform(in("nan.n5"), dir.resolve("nan.n5") + ":/t"));

        float[] p = boundary.clone();
        p[(2 * Y + 3) * X + 4] = Float.NEGATIVE_INFINITY;
        write("nanb.n5", new long[] {X, Y, Z}, DataType.FLOAT32, p);
        refused(in("nanb.n5") + " holds -Infinity at [2, 3, 4]; give a value in [0, 1]",
                "affinities", "--boundary", in("nanb.n5"), "--output", dir.resolve("nanb.n5") + ":/affs");

        for (String[] args : List.of(segment(in("nan.n5"), dir.resolve("nan.n5") + ":/s", "--nan-as", "2"),
                gridsearch(in("nan.n5"), "nan-grid", "--nan-as", "2"), transform(in("nan.n5"), dir.resolve("nan.n5") + ":/t", "--nan-as", "2"),
                new String[] {"affinities", "--boundary", in("nanb.n5"), "--output", dir.resolve("nanb.n5") + ":/affs", "--nan-as", "-1"})) {
            refused("--nan-as: NaN and infinite values can be read as a value in [0, 1] only", args);
        }
        refused("--nan-as applies to a boundary map (--boundary)", "affinities", "--labels", syn("v/labels"), "--output",
                dir.resolve("nanb.n5") + ":/affs", "--nan-as", "0");

        // --nan-as V reads them as V: the same as a volume that holds V there
        float[] replaced = values.clone();
        replaced[VOXELS + (3 * Y + 5) * X + 7] = 0.25f;
        replaced[2 * VOXELS + (4 * Y + 6) * X + 8] = 0.25f;
        write("replaced.n5", DIMS, DataType.FLOAT32, replaced);
        succeeds(segment(in("nan.n5"), dir.resolve("nan.n5") + ":/s", "--nan-as", "0.25"));
        succeeds(segment(in("replaced.n5"), dir.resolve("replaced.n5") + ":/s"));
        assertEquals(segmentationHash(dir.resolve("replaced.n5") + ":/s", "0.3"), segmentationHash(dir.resolve("nan.n5") + ":/s", "0.3"));
        succeeds(gridsearch(in("nan.n5"), "nan-grid", "--nan-as", "0.25"));
        succeeds("affinities", "--boundary", in("nanb.n5"), "--output", dir.resolve("nanb.n5") + ":/affs", "--nan-as", "0");
    }

    @Test
    void theReplacementDoesNotWidenTheValueRangeOfTransform() throws IOException {
        float[] values = new float[3 * VOXELS];
        for (int i = 0; i < values.length; i++) {
            values[i] = 0.25f + 0.5f * (i % 7) / 6;
        }
        values[100] = Float.NaN;
        write("narrow.n5", DIMS, DataType.FLOAT32, values);
        CliRun run = succeeds(transform(in("narrow.n5"), dir.resolve("narrow.n5") + ":/t", "--nan-as", "0"));
        assertTrue(run.out().contains("on [0.25, 0.75]"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void valuesOutsideTheUnitIntervalAreRefusedWithTheirMinimumAndMaximum() throws IOException {
        float[] eightBit = new float[affinities.length];
        float[] shifted = new float[affinities.length];
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < affinities.length; i++) {
            eightBit[i] = Math.round(affinities[i] * 255);
            shifted[i] = affinities[i] - 0.5f;
            min = Math.min(min, eightBit[i]);
            max = Math.max(max, eightBit[i]);
        }
        write("eight.n5", DIMS, DataType.FLOAT32, eightBit);
        write("shifted.n5", DIMS, DataType.FLOAT32, shifted);
        String hint = in("eight.n5") + " holds values from " + min + " to " + max + ", outside [0, 1]; it looks like 8-bit data: "
                + "divide it by 255, or store it as uint8, which is read as value / 255";
        refused(hint, segment(in("eight.n5"), dir.resolve("eight.n5") + ":/s"));
        refused(hint, gridsearch(in("eight.n5"), "eight-grid"));
        refused(hint, transform(in("eight.n5"), dir.resolve("eight.n5") + ":/t"));
        refused(hint, transform(in("eight.n5"), dir.resolve("eight.n5") + ":/t", "--range", "0.2,0.8"));
        String noHint = refused(in("shifted.n5") + " holds values from -0.5 to ", segment(in("shifted.n5"), dir.resolve("shifted.n5") + ":/s"));
        assertFalse(noHint.contains("8-bit"), noHint);

        float[] p = boundary.clone();
        p[17] = 1.5f;
        write("overb.n5", new long[] {X, Y, Z}, DataType.FLOAT32, p);
        float low = Float.POSITIVE_INFINITY;
        for (float v : boundary) {
            low = Math.min(low, v);
        }
        String over = refused(in("overb.n5") + " holds values from " + low + " to 1.5, outside [0, 1]", "affinities", "--boundary",
                in("overb.n5"), "--output", dir.resolve("overb.n5") + ":/affs");
        assertFalse(over.contains("8-bit"), over);
    }

    @Test
    void uint8AffinitiesAndBoundaryMapsAreReadAsValueOver255ByEveryCommand() throws IOException {
        byte[] bytes = new byte[affinities.length];
        float[] scaled = new float[affinities.length];
        for (int i = 0; i < bytes.length; i++) {
            int v = Math.round(affinities[i] * 255);
            bytes[i] = (byte) v;
            scaled[i] = v / 255f;
        }
        write("u8.n5", DIMS, DataType.UINT8, bytes);
        write("scaled.n5", DIMS, DataType.FLOAT32, scaled);
        succeeds(segment(in("u8.n5"), dir.resolve("u8.n5") + ":/s"));
        succeeds(segment(in("scaled.n5"), dir.resolve("scaled.n5") + ":/s"));
        for (String name : List.of("fragments", "0.3", "0.6")) {
            assertEquals(segmentationHash(dir.resolve("scaled.n5") + ":/s", name), segmentationHash(dir.resolve("u8.n5") + ":/s", name), name);
        }
        succeeds(transform(in("u8.n5"), dir.resolve("u8.n5") + ":/t"));
        succeeds(transform(in("scaled.n5"), dir.resolve("scaled.n5") + ":/t"));
        assertEquals(Sha256.of(read(dir.resolve("scaled.n5") + ":/t")), Sha256.of(read(dir.resolve("u8.n5") + ":/t")));
        CliRun u8 = succeeds(gridsearch(in("u8.n5"), "u8-grid"));
        CliRun f32 = succeeds(gridsearch(in("scaled.n5"), "scaled-grid"));
        assertEquals(Files.readString(dir.resolve("scaled-grid/results.csv")), Files.readString(dir.resolve("u8-grid/results.csv")));
        assertEquals(f32.lines()[1], u8.lines()[1]);

        byte[] p8 = new byte[boundary.length];
        float[] p32 = new float[boundary.length];
        for (int i = 0; i < p8.length; i++) {
            int v = Math.round(boundary[i] * 255);
            p8[i] = (byte) v;
            p32[i] = v / 255f;
        }
        write("p8.n5", new long[] {X, Y, Z}, DataType.UINT8, p8);
        write("p32.n5", new long[] {X, Y, Z}, DataType.FLOAT32, p32);
        succeeds("affinities", "--boundary", in("p8.n5"), "--output", dir.resolve("p8.n5") + ":/affs");
        succeeds("affinities", "--boundary", in("p32.n5"), "--output", dir.resolve("p32.n5") + ":/affs");
        assertEquals(Sha256.of(read(dir.resolve("p32.n5") + ":/affs")), Sha256.of(read(dir.resolve("p8.n5") + ":/affs")));

        write("int16.n5", DIMS, DataType.INT16, new short[affinities.length]);
        refused(in("int16.n5") + " is int16; affinities and boundary maps are float32 or float64 in [0, 1], or uint8 (read as value / 255)",
                segment(in("int16.n5"), dir.resolve("int16.n5") + ":/s"));
    }

    @Test
    void fiveChannelAffinitiesGiveTheirNearestNeighbourChannelsBySelectionOrByTheirOffsets() throws IOException {
        // the nearest neighbours z, y, x are channels 1, 3, 2 here
        succeeds("affinities", "--labels", syn("v/labels"), "--output", dir.resolve("five.n5") + ":/a", "--offsets",
                "0,-3,0;-1,0,0;0,0,-1;0,-1,0;0,0,-3");
        succeeds("affinities", "--labels", syn("v/labels"), "--output", dir.resolve("three.n5") + ":/a");
        succeeds(segment(in("three.n5"), dir.resolve("three.n5") + ":/s"));
        CliRun five = succeeds(segment(in("five.n5"), dir.resolve("five.n5") + ":/s"));
        String used = "warning: " + in("five.n5") + " has 5 channels; using channels 1, 3, 2 as z, y, x: its affinity_offsets attribute "
                + "gives their offsets as (-1,0,0), (0,-1,0), (0,0,-1)";
        assertEquals(used, five.err().strip());
        String three = segmentationHash(dir.resolve("three.n5") + ":/s", "0.6");
        assertEquals(three, segmentationHash(dir.resolve("five.n5") + ":/s", "0.6"), "channels found by the affinity_offsets attribute");

        write("bare5.n5", new long[] {X, Y, Z, 5}, DataType.FLOAT32, read(in("five.n5")));
        String message = in("bare5.n5") + " has shape (5, 6, 32, 40); affinities have shape (3, z, y, x): select the nearest-neighbour "
                + "channels z, y, x with --channels (e.g. --channels 0,1,2)";
        refused(message, segment(in("bare5.n5"), dir.resolve("bare5.n5") + ":/s"));
        refused(message, gridsearch(in("bare5.n5"), "bare5-grid"));
        refused("--channels: " + in("bare5.n5") + " has shape (5, 6, 32, 40), so no channel 5",
                segment(in("bare5.n5"), dir.resolve("bare5.n5") + ":/s", "--channels", "1,5,2"));
        refused("--channels takes 3 channels (z, y, x), got 2", segment(in("bare5.n5"), dir.resolve("bare5.n5") + ":/s", "--channels", "1,3"));
        succeeds(segment(in("bare5.n5"), dir.resolve("bare5.n5") + ":/s", "--channels", "1,3,2"));
        assertEquals(three, segmentationHash(dir.resolve("bare5.n5") + ":/s", "0.6"), "channels selected with --channels");

        CliRun byAttribute = succeeds(gridsearch(in("five.n5"), "five-grid"));
        assertEquals(used.replace(in("five.n5"), dir.toAbsolutePath().resolve("five.n5") + ":/a"), byAttribute.err().strip());
        CliRun selected = succeeds(gridsearch(in("bare5.n5"), "bare5-grid", "--channels", "1,3,2"));
        CliRun reference = succeeds(gridsearch(in("three.n5"), "three-grid"));
        assertEquals(reference.lines()[1], byAttribute.lines()[1]);
        assertEquals(reference.lines()[1], selected.lines()[1]);
        // transform is elementwise: it takes every channel
        succeeds(transform(in("five.n5"), dir.resolve("five.n5") + ":/t"));
    }

    @Test
    void transformRangeThatIsReversedOrOutsideIsRefusedAndOneThatClipsIsReported() throws IOException {
        String out = syn("t");
        refused("--range 0.8,0.2 is reversed (it starts above its end); give it lowest first: --range 0.2,0.8",
                transform(syn("v/affinities"), out, "--range", "0.8,0.2"));
        refused("--range 0.5,0.5 is empty (it starts where it ends); give A below B", transform(syn("v/affinities"), out, "--range", "0.5,0.5"));
        refused("--range 0,255 is not within [0, 1], where affinities lie", transform(syn("v/affinities"), out, "--range", "0,255"));
        refused("--range must be 'global' or two numbers A,B, got 'nan,1'", transform(syn("v/affinities"), out, "--range", "nan,1"));

        long clipped = 0;
        for (float v : affinities) {
            clipped += v < 0.2 || v > 0.8 ? 1 : 0;
        }
        assertTrue(clipped > 0);
        CliRun run = succeeds(transform(syn("v/affinities"), out, "--range", "0.2,0.8"));
        assertEquals(String.format(Locale.ROOT, "warning: %d of %d values (%.3g %%) lie outside --range [0.2, 0.8] and were clipped to it",
                clipped, affinities.length, 100.0 * clipped / affinities.length), run.err().strip());
    }

    @Test
    void unsortedThresholdsAreSortedWithTheSameWarningBySegmentAndGridsearch() throws IOException {
        List<String> warnings = List.of("warning: thresholds were not in increasing order; sorted them: 0.3, 0.7, 0.7",
                "warning: 1 repeated threshold(s) (equal as float32) kept once");
        CliRun segment = succeeds("segment", "--affinities", syn("v/affinities"), "--output", syn("unsorted"), "--thresholds", "0.7,0.3,0.7");
        assertEquals(warnings, segment.err().lines().toList());
        List<String> args = new ArrayList<>(List.of(gridsearch(syn("v/affinities"), "unsorted-grid")));
        args.set(args.size() - 1, "0.7,0.3,0.7");
        CliRun grid = succeeds(args.toArray(String[]::new));
        assertEquals(warnings, grid.err().lines().toList());
        assertEquals(List.of("0.3", "0.7"), Files.readAllLines(dir.resolve("unsorted-grid/results.csv")).stream().skip(1)
                .map(line -> line.split(",")[4]).distinct().toList());
    }

    @Test
    void zeroSizeDatasetsAreListedAndCopiedAndRefusedWhereVoxelsAreNeeded() throws IOException, InterruptedException {
        PythonZarr.requireAvailable();
        Path zarr = dir.resolve("zero.zarr");
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", "import sys, zarr\n"
                + "g = zarr.open_group(sys.argv[1], mode='w')\n"
                + "g.zeros('empty', shape=(0, 10, 10), dtype='f4')\n"
                + "g.zeros('labels', shape=(0, 10, 10), dtype='u8')\n"
                + "g.zeros('affinities', shape=(3, 0, 10, 10), dtype='f4')\n", zarr.toString()).redirectErrorStream(true).start();
        assertEquals(0, python.waitFor(), new String(python.getInputStream().readAllBytes()));

        CliRun listed = succeeds("info", zarr.toString(), "--json");
        JsonObject group = JsonParser.parseString(listed.out()).getAsJsonObject();
        assertEquals("[{\"name\":\"affinities\",\"kind\":\"dataset\",\"shape\":[3,0,10,10],\"dtype\":\"float32\"},"
                + "{\"name\":\"empty\",\"kind\":\"dataset\",\"shape\":[0,10,10],\"dtype\":\"float32\"},"
                + "{\"name\":\"labels\",\"kind\":\"dataset\",\"shape\":[0,10,10],\"dtype\":\"uint64\"}]", group.get("children").toString());
        assertTrue(succeeds("info", zarr + ":/empty").out().contains("shape        (0, 10, 10)"));

        succeeds("convert", zarr + ":/labels", dir.resolve("zero-copy.zarr") + ":/labels");
        assertEquals("(0, 10, 10)", pythonShape(dir.resolve("zero-copy.zarr"), "labels"));

        String affs = zarr + ":/affinities";
        String noVoxels = affs + " has shape (3, 0, 10, 10): it holds no voxels";
        refused(noVoxels, segment(affs, zarr + ":/s"));
        refused(noVoxels, gridsearch(affs, "zero-grid"));
        refused(noVoxels, transform(affs, zarr + ":/t"));
        refused(zarr + ":/empty has shape (0, 10, 10): it holds no voxels", "affinities", "--boundary", zarr + ":/empty", "--output",
                zarr + ":/affs");
        refused(zarr + ":/labels has shape (0, 10, 10): it holds no voxels", "evaluate", "--segmentation", zarr + ":/labels",
                "--groundtruth", zarr + ":/labels");
    }

    @Test
    void zeroSizeHdf5DatasetsChunkedOrNotAreListedAndCopied() throws IOException, InterruptedException {
        Path h5 = dir.resolve("zero.h5");
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", "import sys, h5py\n"
                + "with h5py.File(sys.argv[1], 'w') as f:\n"
                + "    f.create_dataset('contiguous', shape=(0, 10, 10), dtype='u8')\n"
                + "    f.create_dataset('chunked', shape=(0, 10, 10), dtype='u8', chunks=(1, 5, 5), maxshape=(None, 10, 10))\n",
                h5.toString()).redirectErrorStream(true).start();
        String said = new String(python.getInputStream().readAllBytes());
        Required.require(python.waitFor() == 0, "/usr/bin/python3 with h5py is needed to write a zero-size HDF5 dataset: " + said);
        assertEquals("[{\"name\":\"chunked\",\"kind\":\"dataset\",\"shape\":[0,10,10],\"dtype\":\"uint64\"},"
                + "{\"name\":\"contiguous\",\"kind\":\"dataset\",\"shape\":[0,10,10],\"dtype\":\"uint64\"}]",
                JsonParser.parseString(succeeds("info", h5.toString(), "--json").out()).getAsJsonObject().get("children").toString());
        for (String name : List.of("chunked", "contiguous")) {
            succeeds("convert", h5 + ":/" + name, dir.resolve("zero-h5.n5") + ":/" + name);
            assertEquals(0, ((long[]) read(dir.resolve("zero-h5.n5") + ":/" + name)).length);
        }
    }

    private static String pythonShape(Path zarr, String array) throws IOException, InterruptedException {
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", "import sys, zarr\nprint(zarr.open(sys.argv[1], mode='r')[sys.argv[2]].shape)",
                zarr.toString(), array).redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes()).strip();
        assertEquals(0, python.waitFor(), out);
        return out;
    }
}
