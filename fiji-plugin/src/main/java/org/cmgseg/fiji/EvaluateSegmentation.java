package org.cmgseg.fiji;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import java.util.Arrays;
import java.util.List;
import org.cmgseg.core.RunContext;
import org.cmgseg.segmentation.evaluate.CremiScores;
import org.cmgseg.segmentation.evaluate.GroundTruth;
import org.cmgseg.segmentation.evaluate.ObjectOverlaps;

/**
 * Plugins > Segmentation > CMG Neuron Segmentation > Evaluate against Ground Truth (CREMI)...: {@code cmgseg evaluate}
 * on two open label images; VOI split and merge, adapted Rand error and CREMI score as a row of the "CREMI scores"
 * table, and in "CREMI objects" the ground-truth objects split the most and the segments merging the most, with where
 * they are (centre in voxels).
 */
public final class EvaluateSegmentation implements PlugIn {

    static final String COMMAND = "Evaluate against Ground Truth (CREMI)";
    static final String TABLE = "CREMI scores";
    static final String OBJECTS = "CREMI objects";
    /** How many objects of each kind the objects table lists. */
    private static final int TOP = 20;

    @Override
    public void run(String arg) {
        if (WindowManager.getImageCount() < 2) {
            UserErrors.report(COMMAND, "open a segmentation and its ground truth (label images of the same shape) first");
            return;
        }
        GenericDialog dialog = new GenericDialog(COMMAND);
        dialog.addImageChoice("Segmentation", null);
        dialog.addImageChoice("Ground truth", null);
        dialog.addNumericField("Border", 0, 1, 6, "nm (CREMI: 25; 0 = no border mask)");
        dialog.showDialog();
        if (dialog.wasCanceled()) {
            return;
        }
        ImagePlus segmentation = dialog.getNextImage();
        ImagePlus groundTruth = dialog.getNextImage();
        double border = dialog.getNextNumber();
        UserErrors.run(COMMAND, () -> evaluate(Images.chosen(segmentation, "segmentation"), Images.chosen(groundTruth, "ground truth"), border));
    }

    private static void evaluate(ImagePlus segmentation, ImagePlus groundTruth, double border) {
        Library.Evaluation evaluation = evaluate(segmentation, groundTruth, border, ImageJProgress.context());
        CremiScores scores = evaluation.scores();
        ResultsTable table = ResultsTable.getResultsTable(TABLE);
        if (table == null) {
            table = new ResultsTable();
        }
        table.setPrecision(9);
        table.incrementCounter();
        table.addValue("segmentation", segmentation.getTitle());
        table.addValue("ground truth", groundTruth.getTitle());
        table.addValue("border nm", border);
        table.addValue("voi_split", scores.voiSplit());
        table.addValue("voi_merge", scores.voiMerge());
        table.addValue("adapted_rand", scores.adaptedRand());
        table.addValue("cremi_score", scores.cremiScore());
        table.show(TABLE);
        objects(evaluation).show(OBJECTS);
    }

    /** {@code cmgseg evaluate} of two label images of the same shape, border-masked when {@code border} (nm) is above 0. */
    static Library.Evaluation evaluate(ImagePlus segmentation, ImagePlus groundTruth, double border, RunContext context) {
        if (!Arrays.equals(Images.dimensions(segmentation), Images.dimensions(groundTruth))) {
            throw new IllegalArgumentException("the segmentation " + segmentation.getTitle() + " is " + Images.grid(segmentation)
                    + " but the ground truth " + groundTruth.getTitle() + " is " + Images.grid(groundTruth));
        }
        return Library.evaluate(Images.labels(segmentation), groundTruth(groundTruth, border, context), Images.grid(groundTruth), TOP,
                context);
    }

    /** The labels of a ground-truth image, border-masked when {@code border} (nm) is above 0, with the image's voxel size. */
    static GroundTruth groundTruth(ImagePlus image, double border, RunContext context) {
        if (!(border >= 0) || Double.isInfinite(border)) {
            throw new IllegalArgumentException("the border must be a distance of at least 0 nm, got " + border);
        }
        double[] resolution = Images.resolutionZyx(image);
        if (border > 0 && resolution == null) {
            throw new IllegalArgumentException("the border mask needs the voxel size of " + image.getTitle()
                    + " (Image > Properties...), which is uncalibrated");
        }
        return Library.groundTruth(Images.labels(image), Images.grid(image), border > 0 ? border : null,
                resolution == null ? 1 : resolution[1], context);
    }

    /** The objects of an evaluation: where to look. */
    static ResultsTable objects(Library.Evaluation evaluation) {
        ResultsTable table = new ResultsTable();
        table.setPrecision(2);
        addRows(table, "ground truth split", evaluation.splits());
        addRows(table, "segment merging", evaluation.merges());
        return table;
    }

    private static void addRows(ResultsTable table, String kind, List<ObjectOverlaps.Overlap> overlaps) {
        for (ObjectOverlaps.Overlap overlap : overlaps) {
            table.incrementCounter();
            table.addValue("object", kind);
            table.addValue("label", Long.toUnsignedString(overlap.label()));
            table.addValue("overlaps", overlap.partners());
            table.addValue("voxels", overlap.voxels());
            table.addValue("centre x", overlap.centreX());
            table.addValue("centre y", overlap.centreY());
            table.addValue("centre z", overlap.centreZ());
        }
    }
}
