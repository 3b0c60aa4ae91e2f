package org.cmgseg.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.io.IOException;
import org.cmgseg.affinities.io.DataType;

/**
 * Plugins > Segmentation > CMG Neuron Segmentation > Save Segmentation...: the current label image as a uint64 dataset
 * (N5, Zarr, HDF5) with its voxel size as the resolution, written atomically as {@code cmgseg} writes.
 */
public final class SaveSegmentation implements PlugIn {

    static final String COMMAND = "Save Segmentation";

    @Override
    public void run(String arg) {
        ImagePlus image = WindowManager.getCurrentImage();
        if (image == null) {
            UserErrors.report(COMMAND, "no image is open; open or make a label image first");
            return;
        }
        GenericDialog dialog = new GenericDialog(COMMAND);
        dialog.addStringField("Address", "", 50);
        dialog.addMessage("PATH.n5:/dataset, PATH.zarr:/dataset or PATH.h5:/dataset");
        dialog.addCheckbox("Overwrite", false);
        dialog.showDialog();
        if (dialog.wasCanceled()) {
            return;
        }
        String address = dialog.getNextString().trim();
        boolean overwrite = dialog.getNextBoolean();
        UserErrors.run(COMMAND, () -> {
            save(image, address, overwrite);
            IJ.showStatus(COMMAND + ": " + image.getTitle() + " -> " + address);
        });
    }

    /** A label image (whole numbers 0 to 2^24) as a uint64 dataset with the image's voxel size. */
    static void save(ImagePlus image, String address, boolean overwrite) throws IOException {
        long[] labels = Images.labels(image);
        Library.write(Library.address(address), labels, DataType.UINT64, Images.dimensions(image), Images.resolutionZyx(image), overwrite);
    }
}
