package org.cmgseg.fiji;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import org.cmgseg.core.RunContext;
import org.cmgseg.segmentation.evaluate.CremiScores;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Evaluate against Ground Truth (CREMI) for ImageJ2/Fiji scripts: the work of {@link EvaluateSegmentation}. */
@Plugin(type = Command.class, headless = true, label = "Evaluate against Ground Truth (CREMI)")
public final class EvaluateSegmentationCommand extends LibraryCommand {

    @Parameter(description = "a label image")
    private ImagePlus segmentation;

    @Parameter(description = "a label image of the same shape; 0 is ignored")
    private ImagePlus groundTruth;

    @Parameter(required = false, description = "nm; above 0 the CREMI border mask (CREMI: 25)")
    private double border;

    @Parameter(type = ItemIO.OUTPUT)
    private double voiSplit;

    @Parameter(type = ItemIO.OUTPUT)
    private double voiMerge;

    @Parameter(type = ItemIO.OUTPUT)
    private double adaptedRand;

    @Parameter(type = ItemIO.OUTPUT)
    private double cremiScore;

    @Parameter(type = ItemIO.OUTPUT, description = "the ground-truth objects split the most and the segments merging the most")
    private ResultsTable objects;

    @Override
    void run(RunContext context) {
        Library.Evaluation evaluation = EvaluateSegmentation.evaluate(segmentation, groundTruth, border, context);
        CremiScores scores = evaluation.scores();
        voiSplit = scores.voiSplit();
        voiMerge = scores.voiMerge();
        adaptedRand = scores.adaptedRand();
        cremiScore = scores.cremiScore();
        objects = EvaluateSegmentation.objects(evaluation);
    }
}
