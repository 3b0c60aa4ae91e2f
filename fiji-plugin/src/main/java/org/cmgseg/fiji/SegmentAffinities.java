package org.cmgseg.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.io.IOException;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.RunContext;
import org.cmgseg.segmentation.SegmentationResult;

/**
 * Plugins > Segmentation > CMG Neuron Segmentation > Segment Affinities...: {@code cmgseg segment} on the current
 * affinity hyperstack; one label image per threshold, and optionally the label volumes written to a group.
 */
public final class SegmentAffinities implements PlugIn {

    static final String COMMAND = "Segment Affinities";

    @Override
    public void run(String arg) {
        ImagePlus image = WindowManager.getCurrentImage();
        if (image == null) {
            UserErrors.report(COMMAND, "no image is open; open affinities (3 channels: z, y, x) first");
            return;
        }
        GenericDialog dialog = new GenericDialog(COMMAND);
        dialog.addChoice("Fragments", Library.FRAGMENT_METHODS, Library.FRAGMENT_METHODS[0]);
        dialog.addChoice("Merge function", Library.MERGE_FUNCTIONS, Library.MERGE_FUNCTIONS[0]);
        dialog.addChoice("Queue", Library.QUEUES, Library.QUEUES[0]);
        dialog.addStringField("Thresholds", "0.5", 30);
        dialog.addStringField("Output group", "", 40);
        dialog.addMessage("Optional: PATH.n5:/group (or .zarr, .h5) for the fragments and a uint64 volume per threshold, as cmgseg segment writes them");
        dialog.addCheckbox("Overwrite", false);
        dialog.showDialog();
        if (dialog.wasCanceled()) {
            return;
        }
        String fragments = dialog.getNextChoice();
        String mergeFunction = dialog.getNextChoice();
        String queue = dialog.getNextChoice();
        String thresholds = dialog.getNextString();
        String output = dialog.getNextString().trim();
        boolean overwrite = dialog.getNextBoolean();
        UserErrors.run(COMMAND, () -> segment(image, fragments, mergeFunction, queue, thresholds, output, overwrite));
    }

    private static void segment(ImagePlus image, String fragments, String mergeFunction, String queue, String thresholds, String output,
            boolean overwrite) throws IOException {
        SegmentationResult result = segment(image, fragments, mergeFunction, queue, thresholds, output, overwrite, ImageJProgress.context());
        for (ImagePlus label : labelImages(image, result)) {
            label.show();
        }
        IJ.showStatus(COMMAND + ": " + result.fragments().count() + " fragments, " + result.thresholds().length + " segmentations");
    }

    /**
     * {@code cmgseg segment} on an affinity hyperstack; with an {@code output} group (not empty) the fragments and label
     * volumes also written there, with the image's voxel size.
     */
    static SegmentationResult segment(ImagePlus image, String fragments, String mergeFunction, String queue, String thresholdText,
            String output, boolean overwrite, RunContext context) throws IOException {
        double[] thresholds = NumberList.parse(thresholdText, "thresholds");
        DatasetAddress group = output.isEmpty() ? null : Library.address(output);
        AffinityGraph affinities = Images.affinities(image);
        SegmentationResult result = Library.segment(affinities, fragments, mergeFunction, queue, thresholds, context);
        if (group != null) {
            Library.writeSegmentation(group, result, fragments, Images.resolutionZyx(image), overwrite, context);
        }
        return result;
    }

    /** One label image per threshold, titled by the image segmented and the threshold, with its calibration. */
    static ImagePlus[] labelImages(ImagePlus image, SegmentationResult result) {
        float[] levels = result.thresholds();
        ImagePlus[] labels = new ImagePlus[levels.length];
        for (int t = 0; t < levels.length; t++) {
            labels[t] = Images.labels(image.getTitle() + " segmentation " + Library.thresholdName(levels[t]), result.segmentation(t),
                    result.fragments().grid(), image.getCalibration().copy());
        }
        return labels;
    }
}
