package org.cmgseg.fiji;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import java.io.IOException;
import org.cmgseg.affinities.io.ArrayDataset;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.VoxelGrid;

/** Between ImageJ images and the library's arrays (x fastest, then y, z, channel). */
final class Images {

    /** The largest label a 32-bit float image holds exactly. */
    static final long EXACT_LABELS = 1L << 24;

    private Images() {
    }

    static VoxelGrid grid(ImagePlus image) {
        return new VoxelGrid(image.getWidth(), image.getHeight(), image.getNSlices());
    }

    /**
     * The image a dialog's image choice gave, which is null when the image went away meanwhile (closed, or taken by
     * another macro); refused in one line naming the choice.
     */
    static ImagePlus chosen(ImagePlus image, String choice) {
        if (image == null) {
            throw new IllegalArgumentException("the image chosen as " + choice + " is no longer open");
        }
        return image;
    }

    /**
     * A 3-channel hyperstack (channels z, y, x) as an affinity graph, its values checked as the command line checks
     * a file's: an 8-bit image is read as value / 255, and NaN, infinities or values outside [0, 1] are refused in one
     * line naming the image (the watershed is defined for affinities in [0, 1] only).
     */
    static AffinityGraph affinities(ImagePlus image) throws IOException {
        if (image.getNChannels() != AffinityGraph.CHANNELS) {
            throw new IllegalArgumentException(image.getTitle() + " has " + image.getNChannels()
                    + " channels; affinities are a hyperstack of 3 channels (z, y, x)");
        }
        Dataset values = image.getBitDepth() == 8 ? new ArrayDataset(dimensions(image), DataType.UINT8, pixels(image, true))
                : new ArrayDataset(dimensions(image), DataType.FLOAT32, floats(image));
        return new AffinityGraph(grid(image), Library.probabilities(values, image.getTitle()));
    }

    /** The values of a hyperstack of one frame, channels (c, z, y, x), as 32-bit floats. */
    static float[] floats(ImagePlus image) {
        return (float[]) pixels(image, false);
    }

    /** The values of a hyperstack of one frame, channels (c, z, y, x): an 8-bit image's bytes as they are, or 32-bit floats. */
    private static Object pixels(ImagePlus image, boolean bytes) {
        if (image.getNFrames() != 1) {
            throw new IllegalArgumentException(image.getTitle() + " has " + image.getNFrames() + " frames; a volume has 1");
        }
        VoxelGrid grid = grid(image);
        int channels = image.getNChannels();
        int plane = grid.sizeX() * grid.sizeY();
        int length = grid.arrayLength(channels);
        Object values = bytes ? new byte[length] : new float[length];
        ImageStack stack = image.getStack();
        for (int c = 0; c < channels; c++) {
            for (int z = 0; z < grid.sizeZ(); z++) {
                ImageProcessor slice = stack.getProcessor(image.getStackIndex(c + 1, z + 1, 1));
                Object pixels = bytes || slice instanceof FloatProcessor ? slice.getPixels() : slice.convertToFloat().getPixels();
                System.arraycopy(pixels, 0, values, (c * grid.sizeZ() + z) * plane, plane);
            }
        }
        return values;
    }

    /** The library's dimensions (fastest axis first) of an image's channels (c, z, y, x); 3 axes for one channel. */
    static long[] dimensions(ImagePlus image) {
        long[] xyz = grid(image).dimensions();
        return image.getNChannels() == 1 ? xyz : new long[] {xyz[0], xyz[1], xyz[2], image.getNChannels()};
    }

    /** Float images of channels (c, z, y, x) as a hyperstack with the given calibration. */
    static ImagePlus hyperstack(String title, float[] values, VoxelGrid grid, int channels, Calibration calibration) {
        int plane = grid.sizeX() * grid.sizeY();
        ImageStack stack = new ImageStack(grid.sizeX(), grid.sizeY());
        for (int z = 0; z < grid.sizeZ(); z++) {
            for (int c = 0; c < channels; c++) {
                float[] pixels = new float[plane];
                System.arraycopy(values, (c * grid.sizeZ() + z) * plane, pixels, 0, plane);
                stack.addSlice(new FloatProcessor(grid.sizeX(), grid.sizeY(), pixels));
            }
        }
        ImagePlus image = new ImagePlus(title, stack);
        image.setDimensions(channels, grid.sizeZ(), 1);
        if (channels > 1) {
            image.setOpenAsHyperStack(true);
        }
        image.setCalibration(calibration);
        return image;
    }

    /** uint64 labels, each below 2^24, as a 32-bit label image with a glasbey-style LUT, background black. */
    static ImagePlus labels(String title, long[] labels, VoxelGrid grid, Calibration calibration) {
        int plane = grid.sizeX() * grid.sizeY();
        ImageStack stack = new ImageStack(grid.sizeX(), grid.sizeY());
        long max = 0;
        for (int z = 0; z < grid.sizeZ(); z++) {
            float[] pixels = new float[plane];
            for (int i = 0; i < plane; i++) {
                long label = labels[z * plane + i];
                if (label < 0 || label > EXACT_LABELS) {
                    throw new IllegalArgumentException(title + ": label " + Long.toUnsignedString(label) + " is above 2^24, which a 32-bit image "
                            + "cannot hold exactly");
                }
                max = Math.max(max, label);
                pixels[i] = label;
            }
            stack.addSlice(new FloatProcessor(grid.sizeX(), grid.sizeY(), pixels));
        }
        ImagePlus image = new ImagePlus(title, stack);
        image.setCalibration(calibration);
        GlasbeyLut.apply(image, max);
        return image;
    }

    /** A single-channel label image (8, 16 or 32 bit, whole numbers) as uint64 labels. */
    static long[] labels(ImagePlus image) {
        if (image.getNChannels() != 1 || image.getNFrames() != 1) {
            throw new IllegalArgumentException(image.getTitle() + " has " + image.getNChannels() + " channels and " + image.getNFrames()
                    + " frames; a label image has one of each");
        }
        VoxelGrid grid = grid(image);
        int plane = grid.sizeX() * grid.sizeY();
        long[] labels = new long[grid.arrayLength(1)];
        ImageStack stack = image.getStack();
        for (int z = 0; z < grid.sizeZ(); z++) {
            ImageProcessor slice = stack.getProcessor(z + 1);
            for (int i = 0; i < plane; i++) {
                float value = slice.getf(i);
                if (!(value >= 0) || value != Math.rint(value) || value > EXACT_LABELS) {
                    throw new IllegalArgumentException(image.getTitle() + " holds " + value + " at x " + i % grid.sizeX() + ", y "
                            + i / grid.sizeX() + ", z " + z + "; labels are whole numbers from 0 to 2^24");
                }
                labels[z * plane + i] = (long) value;
            }
        }
        return labels;
    }

    /** The voxel size (z, y, x) of an image, or null if it is uncalibrated. */
    static double[] resolutionZyx(ImagePlus image) {
        Calibration calibration = image.getCalibration();
        return calibration.scaled() ? new double[] {calibration.pixelDepth, calibration.pixelHeight, calibration.pixelWidth} : null;
    }

    /** A calibration of the given voxel size (z, y, x) in nanometres; null gives an uncalibrated one. */
    static Calibration calibration(double[] resolutionZyx) {
        Calibration calibration = new Calibration();
        if (resolutionZyx != null) {
            calibration.pixelDepth = resolutionZyx[0];
            calibration.pixelHeight = resolutionZyx[1];
            calibration.pixelWidth = resolutionZyx[2];
            calibration.setUnit("nm");
        }
        return calibration;
    }
}
