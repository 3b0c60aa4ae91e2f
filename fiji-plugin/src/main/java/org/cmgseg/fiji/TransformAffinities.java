package org.cmgseg.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.io.IOException;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.core.RunContext;

/**
 * Plugins > Segmentation > CMG Neuron Segmentation > Transform Affinities (CMG)...: {@code cmgseg transform} on the
 * current image (any channels): every value through the CMG curve of (mu, I) on the image's own minimum and maximum,
 * as a new image, or written to a dataset.
 */
public final class TransformAffinities implements PlugIn {

    static final String COMMAND = "Transform Affinities (CMG)";

    @Override
    public void run(String arg) {
        ImagePlus image = WindowManager.getCurrentImage();
        if (image == null) {
            UserErrors.report(COMMAND, "no image is open; open affinities first");
            return;
        }
        GenericDialog dialog = new GenericDialog(COMMAND);
        dialog.addNumericField("mu", 0.4, 3);
        dialog.addNumericField("Inflection", 0.3, 3);
        dialog.addStringField("Output", "", 40);
        dialog.addMessage("Empty: a new image; or PATH.n5:/dataset (or .zarr, .h5) for a float32 dataset");
        dialog.addCheckbox("Overwrite", false);
        dialog.showDialog();
        if (dialog.wasCanceled()) {
            return;
        }
        double mu = dialog.getNextNumber();
        double inflection = dialog.getNextNumber();
        String output = dialog.getNextString().trim();
        boolean overwrite = dialog.getNextBoolean();
        UserErrors.run(COMMAND, () -> transform(image, mu, inflection, output, overwrite));
    }

    private static void transform(ImagePlus image, double mu, double inflection, String output, boolean overwrite) throws IOException {
        IJ.showStatus(COMMAND + "...");
        ImagePlus result = transform(image, mu, inflection, output, overwrite, ImageJProgress.context());
        if (result != null) {
            result.show();
        } else {
            IJ.showStatus(COMMAND + ": written to " + output);
        }
    }

    /**
     * The image through the CMG curve of (mu, I) on its own minimum and maximum: a new image, or, with an {@code output}
     * address (not empty), a float32 dataset written there with the image's voxel size, and then null.
     */
    static ImagePlus transform(ImagePlus image, double mu, double inflection, String output, boolean overwrite, RunContext context)
            throws IOException {
        float[] values = Images.floats(image);
        Library.transform(values, mu, inflection, context);
        if (!output.isEmpty()) {
            Library.write(Library.address(output), values, DataType.FLOAT32, Images.dimensions(image), Images.resolutionZyx(image), overwrite);
            return null;
        }
        String title = "CMG(" + mu + ", " + inflection + ") of " + image.getTitle();
        ImagePlus result = Images.hyperstack(title, values, Images.grid(image), image.getNChannels(), image.getCalibration().copy());
        result.setDisplayRange(0, 1);
        return result;
    }
}
