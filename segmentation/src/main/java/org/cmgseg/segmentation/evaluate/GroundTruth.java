package org.cmgseg.segmentation.evaluate;

import org.cmgseg.core.RunContext;
import java.io.IOException;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.Labels;

/**
 * Ground truth ready to score against: uint64 labels (0 = ignore), border-masked when asked, with at
 * least one labelled voxel. {@code where} names the volume in messages.
 */
public record GroundTruth(long[] labels, long labelledVoxels) {

    /**
     * Reads an integer label volume (z, y, x) and, if {@code borderThresholdNm} is not null, masks it
     * with the y voxel size of {@code resolutionZyx}.
     */
    public static GroundTruth read(Dataset dataset, String where, Double borderThresholdNm, double[] resolutionZyx, RunContext context)
            throws IOException {
        long[] labels = Labels.read(dataset, where, context);
        if (borderThresholdNm == null) {
            return of(labels, where);
        }
        long[] d = dataset.info().dimensions();
        return masked(labels, VoxelGrid.ofShape(d[2], d[1], d[0]), borderThresholdNm, resolutionZyx[1], where, context);
    }

    /** The labels as they are. */
    public static GroundTruth of(long[] labels, String where) {
        return checked(labels, where, "");
    }

    /**
     * The labels after the CREMI border mask ({@link BorderMask}) of {@code thresholdNm}. Labels all 0
     * are refused before the mask, which would make them one object.
     */
    public static GroundTruth masked(long[] labels, VoxelGrid grid, double thresholdNm, double resolutionY, String where, RunContext context) {
        checked(labels, where, "");
        return checked(BorderMask.apply(labels, grid, thresholdNm, resolutionY, context), where,
                " left by the " + thresholdNm + " nm border mask");
    }

    private static GroundTruth checked(long[] labels, String where, String after) {
        long labelled = 0;
        for (long label : labels) {
            if (label != 0) {
                labelled++;
            }
        }
        if (labelled == 0) {
            throw new IllegalArgumentException(where + " has no labelled voxel" + after + " (0 means ignore), so there is nothing to score against");
        }
        return new GroundTruth(labels, labelled);
    }
}
