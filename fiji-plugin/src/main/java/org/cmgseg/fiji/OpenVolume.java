package org.cmgseg.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.GenericDialog;
import ij.measure.Calibration;
import ij.plugin.PlugIn;
import java.io.IOException;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.Labels;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.LabelRenumbering;

/**
 * Plugins > Segmentation > CMG Neuron Segmentation > Open Volume...: a dataset by its address as the command line
 * takes it, calibrated by its resolution; (c, z, y, x) as a hyperstack; above a size limit a virtual stack.
 */
public final class OpenVolume implements PlugIn {

    static final String COMMAND = "Open Volume";
    /** The size (MB) above which a volume opens as a virtual stack, unless asked otherwise. */
    static final double VIRTUAL_ABOVE_MB = 1024;

    @Override
    public void run(String arg) {
        GenericDialog dialog = new GenericDialog(COMMAND);
        dialog.addStringField("Address", "", 50);
        dialog.addMessage("PATH.n5:/dataset, PATH.zarr:/dataset, PATH.h5:/dataset or PATH.tif");
        dialog.addNumericField("Virtual above", VIRTUAL_ABOVE_MB, 0, 6, "MB (read slice by slice when shown)");
        dialog.showDialog();
        if (dialog.wasCanceled()) {
            return;
        }
        String address = dialog.getNextString().trim();
        double virtualMegabytes = dialog.getNextNumber();
        UserErrors.run(COMMAND, () -> open(Library.address(address), virtualMegabytes, ImageJProgress.context()).show());
    }

    /** The dataset as an image; above {@code virtualMegabytes} a virtual stack that keeps the dataset open. */
    static ImagePlus open(DatasetAddress address, double virtualMegabytes, RunContext context) throws IOException {
        Containers.OpenDataset opened = Library.open(address);
        boolean keepOpen = false;
        try {
            DatasetInfo info = opened.dataset().info();
            if (info.axes() != 3 && info.axes() != 4) {
                throw new IllegalArgumentException(address + " has shape " + info.shapeText() + "; ImageJ shows (z, y, x) or (c, z, y, x)");
            }
            if (info.elements() == 0) {
                throw new IllegalArgumentException(address + " has shape " + info.shapeText() + ": it holds no voxels");
            }
            Calibration calibration = Images.calibration(Library.resolutionZyx(opened, address));
            int channels = info.axes() == 4 ? (int) info.dimensions()[3] : 1;
            String title = address.toString();
            ImagePlus image;
            if (info.elements() * Math.max(4, info.dataType().bytes()) > virtualMegabytes * (1 << 20)) {
                image = new ImagePlus(title, new VolumeStack(opened.dataset()));
                keepOpen = true;
                IJ.log(title + ": a virtual stack, read slice by slice" + (info.dataType().bytes() == 8 && !info.dataType().floating()
                        ? " (labels above 2^24 show rounded)" : ""));
            } else if (channels == 1 && !info.dataType().floating() && info.dataType().bytes() >= 4) {
                return labels(title, opened, calibration, context);
            } else {
                image = new ImagePlus(title, inMemory(opened, info, channels, context));
            }
            image.setDimensions(channels, (int) info.dimensions()[2], 1);
            if (channels > 1) {
                image.setOpenAsHyperStack(true);
            }
            image.setCalibration(calibration);
            return image;
        } finally {
            if (!keepOpen) {
                opened.close();
            }
        }
    }

    private static ImageStack inMemory(Containers.OpenDataset opened, DatasetInfo info, int channels, RunContext context) throws IOException {
        int width = (int) info.dimensions()[0];
        int height = (int) info.dimensions()[1];
        int depth = (int) info.dimensions()[2];
        Object values = opened.dataset().readAll(context);
        ImageStack stack = new ImageStack(width, height);
        int plane = width * height;
        for (int z = 0; z < depth; z++) {
            for (int c = 0; c < channels; c++) {
                stack.addSlice(Slices.processor(info.dataType(), values, (c * depth + z) * plane, width, height));
            }
        }
        return stack;
    }

    /** Integer labels of 32 or 64 bits as a 32-bit image: exact up to 2^24 labels, renumbered beyond that. */
    private static ImagePlus labels(String title, Containers.OpenDataset opened, Calibration calibration, RunContext context)
            throws IOException {
        long[] labels = Labels.read(opened.dataset(), title, context);
        long max = LabelRenumbering.maxLabel(labels);
        if (Long.compareUnsigned(max, Images.EXACT_LABELS) > 0) {
            int count = LabelRenumbering.renumber(labels);
            if (count > Images.EXACT_LABELS) {
                throw new IllegalArgumentException(title + " has " + count + " labels; a 32-bit image holds at most 2^24 exactly");
            }
            IJ.log(title + ": labels up to " + Long.toUnsignedString(max) + " renumbered 1 to " + count
                    + " in the order of their first voxel (a 32-bit image is exact up to 2^24)");
        }
        return Images.labels(title, labels, grid(opened.dataset().info()), calibration);
    }

    private static VoxelGrid grid(DatasetInfo info) {
        long[] shape = info.shape();
        return VoxelGrid.ofShape(shape[0], shape[1], shape[2]);
    }
}
