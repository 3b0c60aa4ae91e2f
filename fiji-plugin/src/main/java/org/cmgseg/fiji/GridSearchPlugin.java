package org.cmgseg.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.gui.Plot;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import ij.process.FloatProcessor;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cmgseg.core.RunContext;
import org.cmgseg.segmentation.gridsearch.GridCurve;
import org.cmgseg.segmentation.gridsearch.GridResults;
import org.cmgseg.segmentation.gridsearch.GridRow;
import org.cmgseg.segmentation.gridsearch.GridSpec;

/**
 * Plugins > Segmentation > CMG Neuron Segmentation > Grid Search...: {@code cmgseg gridsearch} on an open affinity
 * hyperstack and its ground truth; every row in the "CMG grid search" table (the columns of the CLI's results.csv),
 * the best CREMI score per (mu, I) as a heat map image, the score over the threshold of the best CMG curve as a plot,
 * and the best segmentation opened; with a run folder, the files of {@code cmgseg gridsearch --output}, resumed as it
 * resumes them.
 */
public final class GridSearchPlugin implements PlugIn {

    static final String COMMAND = "Grid Search";
    static final String TABLE = "CMG grid search";
    /** Pixels per cell of the heat map, so that a small grid is visible. */
    private static final int CELL = 32;

    @Override
    public void run(String arg) {
        if (WindowManager.getImageCount() < 2) {
            UserErrors.report(COMMAND, "open affinities (3 channels: z, y, x) and their ground truth (a label image) first");
            return;
        }
        GenericDialog dialog = new GenericDialog(COMMAND);
        dialog.addImageChoice("Affinities", null);
        dialog.addImageChoice("Ground truth", null);
        dialog.addStringField("Mu", "0.1,0.3,0.5,0.7,0.9", 30);
        dialog.addStringField("Inflection", "0.1,0.3,0.5,0.7,0.9", 30);
        dialog.addStringField("Merge functions", String.join(",", GridSpec.PAPER_MERGE_FUNCTIONS), 50);
        dialog.addStringField("Thresholds", "0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9", 30);
        dialog.addChoice("Queue", Library.QUEUES, Library.QUEUES[0]);
        dialog.addChoice("Fragments", Library.FRAGMENT_METHODS, Library.FRAGMENT_METHODS[0]);
        dialog.addNumericField("Border", 0, 1, 6, "nm (CREMI: 25; 0 = no border mask)");
        dialog.addStringField("Run folder", "", 40);
        dialog.addMessage("Optional: results.csv, best.json and gridsearch.json as cmgseg gridsearch --output writes them;\n"
                + "the same search into the same folder resumes, keeping the curves already done");
        dialog.showDialog();
        if (dialog.wasCanceled()) {
            return;
        }
        ImagePlus affinities = dialog.getNextImage();
        ImagePlus groundTruth = dialog.getNextImage();
        String mus = dialog.getNextString();
        String inflections = dialog.getNextString();
        String mergeFunctions = dialog.getNextString();
        String thresholds = dialog.getNextString();
        String queue = dialog.getNextChoice();
        String fragments = dialog.getNextChoice();
        double border = dialog.getNextNumber();
        String folder = dialog.getNextString().trim();
        String kept = folder.isEmpty() ? "nothing was kept" : "the curves finished so far are kept in " + folder + ", to be resumed";
        UserErrors.run(COMMAND, kept, () -> search(Images.chosen(affinities, "affinities"), Images.chosen(groundTruth, "ground truth"), spec(mus, inflections, mergeFunctions, queue, thresholds), fragments,
                border, folder.isEmpty() ? null : Library.runFolder(folder)));
    }

    /** The grid of the dialog's fields: lists of numbers and of merge-function names separated by commas. */
    static GridSpec spec(String mus, String inflections, String mergeFunctions, String queue, String thresholds) {
        return Library.gridSpec(NumberList.parse(mus, "mu values"), NumberList.parse(inflections, "inflection points"),
                Arrays.asList(mergeFunctions.split(",", -1)), queue, NumberList.parse(thresholds, "thresholds"));
    }

    private static void search(ImagePlus affinities, ImagePlus groundTruth, GridSpec spec, String fragments, double border, Path runFolder)
            throws IOException {
        Library.GridSearchRun run = search(affinities, groundTruth, spec, fragments, border, runFolder, ImageJProgress.context());
        GridResults results = run.results();
        if (runFolder != null) {
            int curves = spec.curves().size();
            IJ.log(String.format(Locale.ROOT, "%s: %s: %d of %d curves resumed, %d computed", COMMAND, runFolder, run.resumedCurves(), curves,
                    curves - run.resumedCurves()));
        }
        ImagePlus heatMap = heatMap(results);
        Plot plot = byThreshold(results, results.best().cmg().curve());
        GridRow best = results.best().overall();
        ImagePlus segmentation = bestSegmentation(affinities, run);
        table(results.rows()).show(TABLE);
        heatMap.show();
        plot.show();
        segmentation.show();
        IJ.showStatus(String.format(Locale.ROOT, "%s: best CREMI %.4f (%s, %s, threshold %s)", COMMAND, best.scores().cremiScore(),
                best.curve(), best.mergeFunction(), best.threshold()));
    }

    /**
     * {@code cmgseg gridsearch} on an affinity hyperstack and its ground truth, border-masked when {@code border} (nm) is above 0;
     * written into and resumed from {@code runFolder} unless it is null.
     */
    static Library.GridSearchRun search(ImagePlus affinities, ImagePlus groundTruth, GridSpec spec, String fragments, double border,
            Path runFolder, RunContext context) throws IOException {
        if (!Arrays.equals(Images.dimensions(groundTruth), Images.grid(affinities).dimensions())) {
            throw new IllegalArgumentException("the ground truth " + groundTruth.getTitle() + " is " + Images.grid(groundTruth)
                    + " but the affinities " + affinities.getTitle() + " are " + Images.grid(affinities));
        }
        return Library.gridSearch(Images.affinities(affinities), EvaluateSegmentation.groundTruth(groundTruth, border, context), fragments,
                spec, runFolder, context);
    }

    /** The best setting's segmentation as a label image, titled by the setting. */
    static ImagePlus bestSegmentation(ImagePlus affinities, Library.GridSearchRun run) {
        GridRow best = run.results().best().overall();
        return Images.labels(affinities.getTitle() + " best segmentation (" + best.curve() + ", " + best.mergeFunction() + ", threshold "
                + best.threshold() + ")", run.bestSegmentation(), Images.grid(affinities), affinities.getCalibration().copy());
    }

    static ResultsTable table(List<GridRow> rows) {
        ResultsTable table = new ResultsTable();
        table.setPrecision(9);
        for (GridRow row : rows) {
            table.incrementCounter();
            table.addValue("mu", row.curve().isBaseline() ? Double.NaN : row.curve().mu());
            table.addValue("I", row.curve().isBaseline() ? Double.NaN : row.curve().inflection());
            table.addValue("merge_function", row.mergeFunction());
            table.addValue("queue", row.queue());
            table.addValue("threshold", row.threshold());
            table.addValue("voi_split", row.scores().voiSplit());
            table.addValue("voi_merge", row.scores().voiMerge());
            table.addValue("adapted_rand", row.scores().adaptedRand());
            table.addValue("cremi_score", row.scores().cremiScore());
            table.addValue("n_segments", row.segments());
        }
        return table;
    }

    /** The best CREMI score of every (mu, I): I across, mu down, lower (better) darker; calibrated so a cell's value reads as its score. */
    static ImagePlus heatMap(GridResults results) {
        double[] mus = results.spec().mus();
        double[] inflections = results.spec().inflections();
        FloatProcessor cells = new FloatProcessor(inflections.length, mus.length);
        for (int m = 0; m < mus.length; m++) {
            for (int i = 0; i < inflections.length; i++) {
                cells.setf(i, m, (float) results.best(new GridCurve(mus[m], inflections[i])).scores().cremiScore());
            }
        }
        cells.setInterpolationMethod(FloatProcessor.NONE);
        FloatProcessor shown = (FloatProcessor) cells.resize(inflections.length * CELL, mus.length * CELL);
        shown.resetMinAndMax();
        double baseline = results.best(GridCurve.BASELINE).scores().cremiScore();
        return new ImagePlus(String.format(Locale.ROOT, "CREMI heat map: mu %s down, I %s across; baseline %.4f",
                Arrays.toString(mus), Arrays.toString(inflections), baseline), shown);
    }

    /** The CREMI score over the threshold, one line per merge function, for a CMG curve (thick) and for the baseline (thin, with circles). */
    private static Plot byThreshold(GridResults results, GridCurve curve) {
        Plot plot = new Plot("CREMI vs threshold", "threshold", "CREMI score (lower is better)");
        List<String> functions = results.spec().mergeFunctions();
        StringBuilder legend = new StringBuilder();
        for (int f = 0; f < functions.size(); f++) {
            Color color = Color.getHSBColor((float) f / functions.size(), 0.8f, 0.8f);
            plot.setColor(color);
            plot.setLineWidth(2);
            plot.add("line", results.spec().thresholds(), scores(results.rows(curve, functions.get(f))));
            legend.append(functions.get(f)).append(" (").append(curve).append(")\n");
            plot.setColor(color);
            plot.setLineWidth(1);
            plot.add("connected circle", results.spec().thresholds(), scores(results.rows(GridCurve.BASELINE, functions.get(f))));
            legend.append(functions.get(f)).append(" (baseline)\n");
        }
        plot.setLegend(legend.toString().trim(), Plot.AUTO_POSITION);
        plot.setLimitsToFit(false);
        return plot;
    }

    private static double[] scores(List<GridRow> rows) {
        return rows.stream().mapToDouble(row -> row.scores().cremiScore()).toArray();
    }
}
