package org.cmgseg.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.cmgseg.affinities.SoftThreshold;
import org.cmgseg.affinities.ValueRange;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DirectoryDatasets;
import org.cmgseg.affinities.io.Geometry;
import org.cmgseg.affinities.io.Labels;
import org.cmgseg.cmg.CmgTransform;
import org.cmgseg.cmg.LogitMethod;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.data.SyntheticEm;
import org.cmgseg.data.SyntheticParameters;
import org.cmgseg.data.SyntheticVolume;
import org.cmgseg.segmentation.SegmentationOptions;
import org.cmgseg.segmentation.SegmentationPipeline;
import org.cmgseg.segmentation.SegmentationResult;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.evaluate.ContingencyTable;
import org.cmgseg.segmentation.evaluate.CremiMetrics;
import org.cmgseg.segmentation.evaluate.CremiScores;
import org.cmgseg.segmentation.evaluate.GroundTruth;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.gridsearch.GridFragments;
import org.cmgseg.segmentation.gridsearch.GridResults;
import org.cmgseg.segmentation.gridsearch.GridRow;
import org.cmgseg.segmentation.gridsearch.GridSearch;
import org.cmgseg.segmentation.gridsearch.GridSink;
import org.cmgseg.segmentation.gridsearch.GridSpec;
import org.cmgseg.segmentation.gridsearch.GridVolumes;
import org.cmgseg.segmentation.merge.MergeFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.script.ScriptModule;
import org.scijava.script.ScriptService;

/**
 * The SciJava commands run headless as a script runs them, through {@link CommandService} in a SciJava {@link Context}
 * (its preferences under target/, see the pom), on the synthetic volume: their outputs equal the library's results; and
 * a script with #@ parameters calls one (in BeanShell: its engine is on Maven Central, SciJava's language plugins are not).
 */
class ScijavaCommandsTest {

    private static final SyntheticVolume VOLUME = SyntheticEm.generate(SyntheticParameters.defaults().withGrid(new VoxelGrid(128, 128, 8)));
    private static final String MERGE = "median_aff_histograms";

    private static Context context;

    @TempDir
    Path folder;

    @BeforeAll
    static void startSciJava() {
        context = new Context(CommandService.class, StatusService.class, ScriptService.class);
    }

    @AfterAll
    static void stopSciJava() {
        context.dispose();
    }

    @Test
    void segmentAffinitiesGivesTheLibrarysSegmentationVoxelForVoxel() throws Exception {
        CommandModule module = run(SegmentAffinitiesCommand.class, "affinities", affinities(), "fragments", "waterz", "mergeFunction", MERGE,
                "queue", "bins:256", "thresholds", "0.3,0.5");
        ImagePlus[] segmentations = (ImagePlus[]) module.getOutput("segmentations");
        SegmentationResult expected = SegmentationPipeline.run(VOLUME.affinities(),
                SegmentationOptions.of(MergeFunction.parse(MERGE), QueueType.parse("bins:256"), new double[] {0.3, 0.5})
                        .withFragments(FragmentMethod.parse("waterz")), RunContext.sequential());
        assertEquals(2, segmentations.length);
        for (int t = 0; t < 2; t++) {
            assertTrue(expected.segmentCount(t) > 10, "a segmentation worth comparing");
            assertArrayEquals(expected.segmentation(t), Images.labels(segmentations[t]), "threshold " + expected.thresholds()[t]);
            assertEquals(40, segmentations[t].getCalibration().pixelDepth, "the voxel size of the affinities");
        }
    }

    @Test
    void aScriptWithParametersCallsACommand() throws Exception {
        String script = """
                #@ CommandService command
                #@ ij.ImagePlus affinities
                #@ String thresholds
                #@output Object segmentations
                import org.cmgseg.fiji.SegmentAffinitiesCommand;
                module = command.run(SegmentAffinitiesCommand.class, true, new Object[] {"affinities", affinities, "thresholds", thresholds});
                segmentations = module.get().getOutput("segmentations");
                """;
        ScriptModule module = context.service(ScriptService.class).run("segment.bsh", script, true, "affinities", affinities(), "thresholds",
                "0.5").get();
        ImagePlus[] segmentations = (ImagePlus[]) module.getOutput("segmentations");
        assertArrayEquals(segmentation(), Images.labels(segmentations[0]), "the script's segmentation");
    }

    @Test
    void transformAffinitiesGivesTheLibrarysValuesBitForBit() throws Exception {
        CommandModule module = run(TransformAffinitiesCommand.class, "image", affinities(), "mu", 0.4, "inflection", 0.3);
        float[] expected = VOLUME.affinities().values().clone();
        new CmgTransform(SoftThreshold.curve(0.4, 0.3, ValueRange.of(expected), LogitMethod.EXACT), 1).apply(expected);
        assertArrayEquals(expected, Images.floats((ImagePlus) module.getOutput("transformed")));
    }

    @Test
    void evaluateGivesTheLibrarysCremiNumbersExactly() throws Exception {
        long[] segmentation = segmentation();
        for (double border : new double[] {0, 25}) {
            CommandModule module = run(EvaluateSegmentationCommand.class, "segmentation", labels("segmentation", segmentation),
                    "groundTruth", labels("ground truth", VOLUME.labels()), "border", border);
            GroundTruth truth = border == 0 ? GroundTruth.of(VOLUME.labels(), "truth")
                    : GroundTruth.masked(VOLUME.labels(), VOLUME.grid(), border, VOLUME.resolutionZyx()[1], "truth", RunContext.sequential());
            CremiScores expected = CremiMetrics.of(ContingencyTable.of(truth.labels(), segmentation, RunContext.sequential()));
            assertTrue(expected.cremiScore() > 0, "a segmentation with errors to score");
            assertEquals(expected.voiSplit(), (double) module.getOutput("voiSplit"), "border " + border);
            assertEquals(expected.voiMerge(), (double) module.getOutput("voiMerge"), "border " + border);
            assertEquals(expected.adaptedRand(), (double) module.getOutput("adaptedRand"), "border " + border);
            assertEquals(expected.cremiScore(), (double) module.getOutput("cremiScore"), "border " + border);
            assertTrue(((ResultsTable) module.getOutput("objects")).size() > 0, "the objects to look at");
        }
    }

    @Test
    void anOutputGivenToOneRunIsNotRememberedForTheNext() throws Exception {
        Path container = folder.resolve("remembered.n5");
        run(SegmentAffinitiesCommand.class, "affinities", affinities(), "thresholds", "0.5", "output", container + ":/s", "overwrite", true);
        assertTrue(Files.isDirectory(container.resolve("s")));
        DirectoryDatasets.delete(container);
        run(SegmentAffinitiesCommand.class, "affinities", affinities(), "thresholds", "0.5");
        assertFalse(Files.exists(container), "a script that gives no output writes none");
    }

    @Test
    void gridSearchIntoARunFolderResumesItOnTheSecondRun() throws Exception {
        Object[] inputs = {"affinities", affinities(), "groundTruth", labels("truth", VOLUME.labels()), "mus", "0.3", "inflections", "0.5",
            "mergeFunctions", MERGE, "thresholds", "0.3,0.6", "queue", "bins:256", "fragments", "waterz", "border", 0.0,
            "runFolder", folder.resolve("run").toString()};
        CommandModule firstRun = run(GridSearchCommand.class, inputs);
        ResultsTable first = (ResultsTable) firstRun.getOutput("results");
        assertEquals(0, firstRun.getOutput("resumedCurves"));
        Path results = folder.resolve("run/results.csv");
        List<String> written = Files.readAllLines(results);
        assertEquals(first.size() + 1, written.size(), "a header and a line per row");
        CommandModule secondRun = run(GridSearchCommand.class, inputs);
        ResultsTable second = (ResultsTable) secondRun.getOutput("results");
        assertEquals(2, secondRun.getOutput("resumedCurves"), "the CMG curve and the baseline, both from the folder");
        assertEquals(written, Files.readAllLines(results));
        for (int r = 0; r < first.size(); r++) {
            assertEquals(first.getValue("cremi_score", r), second.getValue("cremi_score", r), "row " + r);
        }
    }

    @Test
    void gridSearchGivesTheLibrarysRowsAndBestSegmentation() throws Exception {
        CommandModule module = run(GridSearchCommand.class, "affinities", affinities(), "groundTruth", labels("truth", VOLUME.labels()),
                "mus", "0.3,0.7", "inflections", "0.5", "mergeFunctions", MERGE, "thresholds", "0.3,0.6", "queue", "bins:256",
                "fragments", "waterz", "border", 0.0);
        GridSpec spec = new GridSpec(new double[] {0.3, 0.7}, new double[] {0.5}, List.of(MERGE), QueueType.parse("bins:256"),
                new double[] {0.3, 0.6});
        GridSearch search = GridSearch.prepare(GridVolumes.of(VOLUME.affinities(), GroundTruth.of(VOLUME.labels(), "truth")),
                GridFragments.once(FragmentMethod.parse("waterz")), spec, GridSink.NONE, RunContext.sequential());
        GridResults expected = search.run();
        ResultsTable table = (ResultsTable) module.getOutput("results");
        assertEquals(expected.rows().size(), table.size());
        for (int r = 0; r < table.size(); r++) {
            GridRow row = expected.rows().get(r);
            assertEquals(row.threshold(), table.getValue("threshold", r), "row " + r);
            assertEquals(row.scores().cremiScore(), table.getValue("cremi_score", r), "row " + r);
            assertEquals(row.segments(), table.getValue("n_segments", r), "row " + r);
        }
        assertArrayEquals(search.segmentation(expected.best().overall()).segmentation(0),
                Images.labels((ImagePlus) module.getOutput("bestSegmentation")));
        ImagePlus heatMap = (ImagePlus) module.getOutput("heatMap");
        assertEquals(2 * heatMap.getWidth(), heatMap.getHeight(), "one I across, two mu down");
    }

    @Test
    void saveThenOpenGivesTheLabelsAndVoxelSizeBack() throws Exception {
        long[] segmentation = segmentation();
        String address = folder.resolve("labels.n5") + ":/segmentation";
        run(SaveSegmentationCommand.class, "image", labels("segmentation", segmentation), "address", address);
        try (Containers.OpenDataset written = Containers.open(DatasetAddress.parse(address))) {
            assertArrayEquals(segmentation, Labels.read(written.dataset(), address, RunContext.sequential()), "uint64 as written");
            assertArrayEquals(VOLUME.resolutionZyx(), Geometry.read(written.container(), DatasetAddress.parse(address)).resolutionZyx());
        }
        ImagePlus opened = (ImagePlus) run(OpenVolumeCommand.class, "address", address).getOutput("image");
        assertArrayEquals(segmentation, Images.labels(opened));
        assertEquals(VOLUME.resolutionZyx()[0], opened.getCalibration().pixelDepth);
    }

    @Test
    void badInputIsOneExceptionNamingTheProblem() {
        ImagePlus oneChannel = labels("one channel", VOLUME.labels());
        assertProblem("one channel has 1 channels; affinities are a hyperstack of 3 channels (z, y, x)", SegmentAffinitiesCommand.class,
                "affinities", oneChannel, "thresholds", "0.5");
        assertProblem("thresholds are numbers separated by commas, e.g. 0.3,0.5; 'half' is not a number", SegmentAffinitiesCommand.class,
                "affinities", affinities(), "thresholds", "0.3,half");
        String missing = folder.resolve("missing.n5") + ":/volume";
        IllegalArgumentException problem = assertProblem(null, OpenVolumeCommand.class, "address", missing);
        assertTrue(problem.getMessage().contains("missing.n5"), problem.getMessage());
    }

    @Test
    void cancelStopsTheLibraryAndLeavesNoOutput() throws Exception {
        CommandModule module = module(SegmentAffinitiesCommand.class, "affinities", affinities(), "thresholds", "0.5");
        module.cancel("stopped by the test");
        module.run();
        assertTrue(module.isCanceled());
        assertNull(module.getOutput("segmentations"));
    }

    @Test
    void cancelFromAnotherThreadStopsARunningGridSearch() throws Exception {
        String tenths = "0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9";
        CommandModule module = module(GridSearchCommand.class, "affinities", affinities(), "groundTruth", labels("truth", VOLUME.labels()),
                "mus", tenths, "inflections", tenths, "mergeFunctions", MERGE, "thresholds", tenths);
        Thread worker = new Thread(module);
        worker.start();
        Thread.sleep(500);
        assertTrue(worker.isAlive(), "81 curves take longer than that");
        module.cancel("stopped by the test");
        worker.join(60_000);
        assertFalse(worker.isAlive(), "the search stopped");
        assertTrue(module.isCanceled());
        assertNull(module.getOutput("results"));
    }

    @Test
    void anInterruptOfTheCommandsThreadStopsTheLibrary() throws Exception {
        CommandModule module = module(SegmentAffinitiesCommand.class, "affinities", affinities(), "thresholds", "0.5");
        Thread.currentThread().interrupt();
        try {
            module.run();
        } finally {
            Thread.interrupted();
        }
        assertTrue(module.isCanceled());
        assertNull(module.getOutput("segmentations"));
    }

    /** A command run as a script runs it: with its pre- and postprocessing, waited for. */
    private static CommandModule run(Class<? extends Command> command, Object... inputs) throws Exception {
        return context.service(CommandService.class).run(command, true, inputs).get();
    }

    /** A command's module with its inputs set, not yet run. */
    private static CommandModule module(Class<? extends Command> command, Object... inputs) throws Exception {
        CommandModule module = (CommandModule) context.service(CommandService.class).getCommand(command).createModule();
        context.inject(module);
        for (int i = 0; i < inputs.length; i += 2) {
            module.setInput((String) inputs[i], inputs[i + 1]);
        }
        return module;
    }

    /** The command fails with one {@link IllegalArgumentException} of the given message (null: any), with no cause of its own. */
    private static IllegalArgumentException assertProblem(String message, Class<? extends Command> command, Object... inputs) {
        ExecutionException failure = assertThrows(ExecutionException.class, () -> run(command, inputs));
        Throwable innermost = failure;
        while (innermost.getCause() != null) {
            innermost = innermost.getCause();
        }
        IllegalArgumentException problem = assertInstanceOf(IllegalArgumentException.class, innermost, failure::toString);
        if (message != null) {
            assertEquals(message, problem.getMessage());
        }
        assertFalse(problem.getMessage().isBlank());
        return problem;
    }

    private static ImagePlus affinities() {
        return Images.hyperstack("affinities", VOLUME.affinities().values().clone(), VOLUME.grid(), 3, Images.calibration(VOLUME.resolutionZyx()));
    }

    private static ImagePlus labels(String title, long[] labels) {
        return Images.labels(title, labels, VOLUME.grid(), Images.calibration(VOLUME.resolutionZyx()));
    }

    private static long[] segmentation() throws Exception {
        return SegmentationPipeline.run(VOLUME.affinities(), SegmentationOptions.of(MergeFunction.parse(MERGE), QueueType.parse("bins:256"),
                new double[] {0.5}), RunContext.sequential()).segmentation(0);
    }
}
