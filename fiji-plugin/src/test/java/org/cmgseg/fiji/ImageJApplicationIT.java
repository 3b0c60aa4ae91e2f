package org.cmgseg.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.cli.Main;
import org.cmgseg.testkit.StandardOutput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin in ImageJ itself: the packaged jar in a fresh plugins folder, macros run by ImageJ under xvfb-run, and
 * what they saved compared with what {@code cmgseg} writes for the same input.
 */
class ImageJApplicationIT {

    private static final Duration LIMIT = Duration.ofMinutes(3);

    private static ImageJRun imagej;
    private static Path data;

    @BeforeAll
    static void synthesizeAndSegmentWithTheCommandLine() throws IOException {
        imagej = ImageJRun.install(Path.of("target/imagej-it").toAbsolutePath());
        data = Files.createDirectories(imagej.home().resolve("data"));
        cmgseg("synthesize", "--output", data.resolve("sample.n5") + ":/volume", "--size", "16,128,128");
        cmgseg("segment", "--affinities", data.resolve("sample.n5") + ":/volume/affinities", "--output", data.resolve("sample.n5") + ":/cli",
                "--thresholds", "0.3,0.5");
        cmgseg("transform", "--input", data.resolve("sample.n5") + ":/volume/affinities", "--output", data.resolve("sample.n5") + ":/cli-cmg",
                "--mu", "0.4", "--inflection", "0.3");
    }

    @Test
    void theReadmeMacroSegmentsAsTheCommandLineDoes() throws Exception {
        ImageJRun.Result result = imagej.run(readmeMacro(), data.toString(), LIMIT, output -> false);
        assertTrue(result.ended() && result.exitCode() == 0, result.output());
        assertNoStackTrace(result.output());
        try (Containers.OpenDataset fiji = Containers.open(DatasetAddress.parse(data.resolve("sample.n5") + ":/fiji/fragments"))) {
            assertEquals(List.of("0.3", "0.5", "fragments"), fiji.container().datasetsIn("/fiji").stream().sorted().toList(),
                    "the group the CLI writes");
            for (String volume : new String[] {"fragments", "0.3", "0.5"}) {
                long[] cli = uint64(data.resolve("sample.n5") + ":/cli/" + volume);
                assertTrue(Arrays.stream(cli).distinct().count() > 10, "a segmentation worth comparing");
                assertArrayEquals(cli, uint64(data.resolve("sample.n5") + ":/fiji/" + volume), "written by the plugin, " + volume);
                assertEquals("[4.0,4.0,40.0]", fiji.container().attributes("/fiji/" + volume).get("resolution").toString(), volume);
            }
        }
        assertArrayEquals(uint64(data.resolve("sample.n5") + ":/cli/0.5"), fromFloats(data.resolve("segmentation-0.5.tif")),
                "the label image the macro saved");
    }

    @Test
    void menuEntriesCalibrationAndLabelsAsImageJShowsThem() throws Exception {
        String macro = """
                dir = getArgument();
                List.setCommands;
                names = newArray("Open Volume...", "Segment Affinities...");
                for (i = 0; i < names.length; i++) print("command " + names[i] + " -> " + List.get(names[i]));
                run("Open Volume...", "address=[" + dir + "/sample.n5:/volume/affinities] virtual=1024");
                getVoxelSize(width, height, depth, unit);
                print("image " + bitDepth() + " bit, " + nSlices + " slices, " + getWidth() + " x " + getHeight());
                Stack.getDimensions(w, h, channels, slices, frames);
                print("channels " + channels + " slices " + slices + " voxel " + width + " " + height + " " + depth + " " + unit);
                run("Open Volume...", "address=[" + dir + "/sample.n5:/cli/0.3] virtual=1024");
                saveAs("Tiff", dir + "/opened-0.3.tif");
                run("Open Volume...", "address=[" + dir + "/sample.n5:/volume/affinities] virtual=0");
                print("virtual " + is("Virtual Stack") + " slices " + nSlices);
                """;
        ImageJRun.Result result = imagej.run(macro, data.toString(), LIMIT, output -> false);
        assertTrue(result.ended() && result.exitCode() == 0, result.output());
        String output = result.output();
        assertTrue(output.contains("command Open Volume... -> org.cmgseg.fiji.OpenVolume"), output);
        assertTrue(output.contains("command Segment Affinities... -> org.cmgseg.fiji.SegmentAffinities"), output);
        assertTrue(output.contains("image 32 bit, 48 slices, 128 x 128"), output);
        assertTrue(output.contains("channels 3 slices 16 voxel 4 4 40 nm"), output);
        assertTrue(output.contains("virtual 1 slices 48"), output);
        assertArrayEquals(uint64(data.resolve("sample.n5") + ":/cli/0.3"), fromFloats(data.resolve("opened-0.3.tif")),
                "uint64 labels opened as a 32-bit image");
        assertNoStackTrace(output);
    }

    @Test
    void transformSaveAndCurveExplorerAsTheCommandLineWrites() throws Exception {
        String macro = """
                dir = getArgument();
                run("Open Volume...", "address=[" + dir + "/sample.n5:/volume/affinities]");
                affinities = getImageID();
                run("CMG Curve Explorer", "mu=0.3 inflection=0.6");
                print("plots " + nImages);
                for (i = 1; i <= nImages; i++) { selectImage(i); print("image " + getTitle()); }
                selectImage("CMG curve");
                saveAs("PNG", dir + "/screenshot-curve-explorer.png");
                selectImage(affinities);
                run("Transform Affinities (CMG)...", "mu=0.4 inflection=0.3 output=[]");
                print("transformed " + getTitle() + ", " + nSlices + " slices");
                selectImage(affinities);
                run("Transform Affinities (CMG)...", "mu=0.4 inflection=0.3 output=[" + dir + "/sample.n5:/fiji-cmg]");
                run("Open Volume...", "address=[" + dir + "/sample.n5:/cli/0.5]");
                getLut(reds, greens, blues);
                print("lut 0 " + reds[0] + " " + greens[0] + " " + blues[0] + ", lut 1 " + reds[1] + " " + greens[1] + " " + blues[1]);
                run("Save Segmentation...", "address=[" + dir + "/sample.n5:/saved]");
                """;
        ImageJRun.Result result = imagej.run(macro, data.toString(), LIMIT, output -> false);
        assertTrue(result.ended() && result.exitCode() == 0, result.output());
        String output = result.output();
        assertTrue(output.contains("plots 3"), output);
        keepScreenshots("screenshot-curve-explorer.png");
        assertTrue(output.contains("image CMG curve") && output.contains("image CMG histogram"), output);
        assertTrue(output.contains("transformed CMG(0.4, 0.3) of " + data.resolve("sample.n5") + ":/volume/affinities, 48 slices"), output);
        assertTrue(output.contains("lut 0 0 0 0, lut 1 ") && !output.contains("lut 1 0 0 0"), "background black, labels not: " + output);
        assertArrayEquals(float32(data.resolve("sample.n5") + ":/cli-cmg"), float32(data.resolve("sample.n5") + ":/fiji-cmg"),
                "the CMG transform");
        assertArrayEquals(uint64(data.resolve("sample.n5") + ":/cli/0.5"), uint64(data.resolve("sample.n5") + ":/saved"));
        try (Containers.OpenDataset saved = Containers.open(DatasetAddress.parse(data.resolve("sample.n5") + ":/saved"))) {
            assertEquals("[4.0,4.0,40.0]", saved.container().attributes("/saved").get("resolution").toString(), "N5 lists x, y, z");
        }
        assertNoStackTrace(output);
    }

    @Test
    void evaluateGivesTheScoresOfTheCommandLine() throws Throwable {
        String macro = """
                dir = getArgument();
                run("Open Volume...", "address=[" + dir + "/sample.n5:/cli/fragments]");
                segmentation = getTitle();
                run("Open Volume...", "address=[" + dir + "/sample.n5:/volume/labels]");
                truth = getTitle();
                run("Evaluate against Ground Truth (CREMI)...", "segmentation=[" + segmentation + "] ground=[" + truth + "] border=25");
                Table.save(dir + "/cremi.csv", "CREMI scores");
                Table.save(dir + "/objects.csv", "CREMI objects");
                """;
        ImageJRun.Result result = imagej.run(macro, data.toString(), LIMIT, output -> false);
        assertTrue(result.ended() && result.exitCode() == 0, result.output());
        assertNoStackTrace(result.output());
        String json = StandardOutput.during(() -> cmgseg("evaluate", "--segmentation", data.resolve("sample.n5") + ":/cli/fragments",
                "--groundtruth", data.resolve("sample.n5") + ":/volume/labels", "--border-threshold", "25", "--json"));
        JsonObject cli = JsonParser.parseString(json).getAsJsonObject();
        List<String> lines = Files.readAllLines(data.resolve("cremi.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        String[] row = lines.get(1).split(",");
        assertTrue(cli.get("voi_split").getAsDouble() > 0.1, "fragments split the ground truth: " + cli);
        for (String key : new String[] {"voi_split", "voi_merge", "adapted_rand", "cremi_score"}) {
            // the table holds 9 decimals
            assertEquals(cli.get(key).getAsDouble(), Double.parseDouble(row[header.indexOf(key)]), 5e-10, key + " in " + lines);
        }
        // split objects first, then merging segments, each kind sorted by how many objects of the other volume it overlaps
        List<String> objects = Files.readAllLines(data.resolve("objects.csv"));
        List<String> columns = List.of(objects.get(0).split(","));
        String kind = "ground truth split";
        int previous = Integer.MAX_VALUE;
        int mostSplit = 0;
        for (String line : objects.subList(1, objects.size())) {
            String[] cells = line.split(",");
            int overlaps = Integer.parseInt(cells[columns.indexOf("overlaps")]);
            if (!cells[columns.indexOf("object")].equals(kind)) {
                assertEquals("segment merging", cells[columns.indexOf("object")], objects.toString());
                kind = "segment merging";
                previous = Integer.MAX_VALUE;
            }
            assertTrue(overlaps <= previous, objects.toString());
            previous = overlaps;
            mostSplit = Math.max(mostSplit, overlaps);
        }
        assertEquals("segment merging", kind, objects.toString());
        assertTrue(mostSplit > 1, "fragments split the ground truth: " + objects);
    }

    @Test
    void gridSearchGivesTheRowsOfTheCommandLineAndResumesItsRunFolder() throws Exception {
        Path run = imagej.home().resolve("gridsearch-cli");
        Path fijiRun = imagej.home().resolve("gridsearch-fiji");
        String grid = " merge=median_aff,max_10 thresholds=0.3,0.5";
        cmgseg("gridsearch", "--affinities", data.resolve("sample.n5") + ":/volume/affinities", "--groundtruth",
                data.resolve("sample.n5") + ":/volume/labels", "--mu", "0.3,0.6", "--inflection", "0.4", "--merge-functions",
                "median_aff,max_10", "--thresholds", "0.3,0.5", "--output", run.toString());
        String macro = """
                dir = getArgument();
                run("Open Volume...", "address=[" + dir + "/sample.n5:/volume/affinities]");
                affinities = getTitle();
                run("Open Volume...", "address=[" + dir + "/sample.n5:/volume/labels]");
                truth = getTitle();
                search = "affinities=[" + affinities + "] ground=[" + truth + "] mu=0.3,0.6 inflection=0.4 GRID run=[FOLDER]";
                run("Grid Search...", search);
                Table.save(dir + "/grid.csv", "CMG grid search");
                for (i = 1; i <= nImages; i++) { selectImage(i); print("image " + getTitle()); }
                selectImage("CREMI vs threshold");
                saveAs("PNG", dir + "/screenshot-gridsearch-plot.png");
                selectImage(nImages);
                setSlice(nSlices / 2);
                saveAs("PNG", dir + "/screenshot-gridsearch-best-segmentation.png");
                run("Grid Search...", search);
                Table.save(dir + "/grid-resumed.csv", "CMG grid search");
                """.replace("GRID", grid).replace("FOLDER", fijiRun.toString());
        ImageJRun.Result result = imagej.run(macro, data.toString(), LIMIT, output -> false);
        assertTrue(result.ended() && result.exitCode() == 0, result.output());
        assertNoStackTrace(result.output());
        String output = result.output();
        assertTrue(output.contains("image CREMI heat map") && output.contains("image CREMI vs threshold")
                && output.contains("best segmentation"), output);
        keepScreenshots("screenshot-gridsearch-plot.png", "screenshot-gridsearch-best-segmentation.png");
        assertEquals(List.of("Grid Search: " + fijiRun + ": 0 of 3 curves resumed, 3 computed",
                "Grid Search: " + fijiRun + ": 3 of 3 curves resumed, 0 computed"),
                output.lines().filter(line -> line.contains("curves resumed")).toList(), "the second search computed no curve: " + output);
        Map<String, String[]> cli = rows(Files.readAllLines(run.resolve("results.csv")));
        Map<String, String[]> fiji = rows(Files.readAllLines(data.resolve("grid.csv")));
        assertEquals(3 * 2 * 2, cli.size(), "baseline and 2 curves, 2 merge functions, 2 thresholds");
        assertEquals(cli.keySet(), fiji.keySet());
        List<String> cliHeader = List.of(Files.readAllLines(run.resolve("results.csv")).get(0).split(","));
        List<String> fijiHeader = List.of(Files.readAllLines(data.resolve("grid.csv")).get(0).split(","));
        for (String key : cli.keySet()) {
            for (String column : new String[] {"voi_split", "voi_merge", "adapted_rand", "cremi_score", "n_segments"}) {
                // the table holds 9 decimals
                assertEquals(Double.parseDouble(cli.get(key)[cliHeader.indexOf(column)]),
                        Double.parseDouble(fiji.get(key)[fijiHeader.indexOf(column)]), 5e-10, column + " of " + key);
            }
        }
        assertEquals(Files.readString(data.resolve("grid.csv")), Files.readString(data.resolve("grid-resumed.csv")), "resumed rows");
        for (String file : new String[] {"results.csv", "best.json"}) {
            assertEquals(Files.readString(run.resolve(file)), Files.readString(fijiRun.resolve(file)), "the run folder's " + file);
        }

        String intoTheCliRun = macro.substring(0, macro.indexOf("run(\"Grid Search...\"")).replace(fijiRun.toString(), run.toString())
                + "run(\"Grid Search...\", search);\nFile.saveString(\"the macro went on\", dir + \"/grid-went-on.txt\");\n";
        String refused = "Grid Search: " + run.resolve("gridsearch.json") + " is a run with other parameters (affinities \"";
        String cliResults = Files.readString(run.resolve("results.csv"));
        ImageJRun.Result other = imagej.run(intoTheCliRun, data.toString(), LIMIT, out -> out.contains(refused));
        assertTrue(other.output().contains(refused), other.output());
        assertEquals(1, other.output().lines().filter(line -> line.startsWith("Grid Search:")).count(), "one line: " + other.output());
        assertFalse(Files.exists(data.resolve("grid-went-on.txt")), "the macro stopped at the error");
        assertEquals(cliResults, Files.readString(run.resolve("results.csv")), "the refused search changed nothing");
        assertNoStackTrace(other.output());
    }

    /** CSV rows by (mu, I, merge function, threshold); the baseline's mu and I are empty (CLI) or NaN (table). */
    private static Map<String, String[]> rows(List<String> lines) {
        List<String> header = List.of(lines.get(0).split(","));
        Map<String, String[]> rows = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            StringBuilder key = new StringBuilder();
            for (String column : new String[] {"mu", "I", "threshold"}) {
                String cell = cells[header.indexOf(column)];
                key.append(cell.isEmpty() || cell.equals("NaN") ? "baseline" : Double.toString(Double.parseDouble(cell))).append(' ');
            }
            rows.put(key + cells[header.indexOf("merge_function")], cells);
        }
        return rows;
    }

    @Test
    void aBadAddressIsOneMessageAndStopsTheMacro() throws Exception {
        String macro = """
                dir = getArgument();
                run("Open Volume...", "address=[" + dir + "/missing.n5:/volume/affinities] virtual=1024");
                File.saveString("the macro went on", dir + "/went-on.txt");
                """;
        String expected = "Open Volume: no such N5 container: " + data.resolve("missing.n5");
        ImageJRun.Result result = imagej.run(macro, data.toString(), LIMIT, output -> output.contains(expected));
        assertTrue(result.output().contains(expected), result.output());
        assertFalse(Files.exists(data.resolve("went-on.txt")), "the macro stopped at the error");
        assertNoStackTrace(result.output());

        String noImage = "run(\"Segment Affinities...\", \"thresholds=0.5\");";
        ImageJRun.Result segment = imagej.run(noImage, data.toString(), LIMIT, output -> output.contains("Segment Affinities:"));
        assertTrue(segment.output().contains("Segment Affinities: no image is open"), segment.output());
        assertNoStackTrace(segment.output());
    }

    /** Result windows the macros saved as PNG, into target/screenshots (a few go to docs/fiji/ for the README). */
    private static void keepScreenshots(String... names) throws IOException {
        Path screenshots = Files.createDirectories(Path.of("target/screenshots"));
        for (String name : names) {
            assertTrue(Files.size(data.resolve(name)) > 0, name);
            Files.copy(data.resolve(name), screenshots.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void cmgseg(String... args) {
        assertEquals(0, Main.commandLine().execute(args), String.join(" ", args));
    }

    /** The README's macro example (the block fenced as ijm in "Use in Fiji"), run as it stands. */
    private static String readmeMacro() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        Matcher block = Pattern.compile("```ijm\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "README.md has an ijm block");
        return block.group(1);
    }

    private static long[] uint64(String address) throws IOException {
        try (Containers.OpenDataset opened = Containers.open(DatasetAddress.parse(address))) {
            return (long[]) opened.dataset().readAll();
        }
    }

    private static float[] float32(String address) throws IOException {
        try (Containers.OpenDataset opened = Containers.open(DatasetAddress.parse(address))) {
            return (float[]) opened.dataset().readAll();
        }
    }

    /** A 32-bit TIFF of whole numbers as labels. */
    private static long[] fromFloats(Path tiff) throws IOException {
        float[] values;
        try (Containers.OpenDataset opened = Containers.open(DatasetAddress.parse(tiff.toString()))) {
            values = (float[]) opened.dataset().readAll();
        }
        long[] labels = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            labels[i] = (long) values[i];
            assertEquals(labels[i], values[i], "a whole number at " + i);
        }
        return labels;
    }

    private static void assertNoStackTrace(String output) {
        assertFalse(output.contains("\tat ") || output.contains("Exception"), output);
    }
}
