package org.cmgseg.segmentation.evaluate;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.Labels;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;

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
            return checked(labels, where, context);
        }
        long[] d = dataset.info().dimensions();
        requireLabelled(labels, where);
        // the labels just read are nobody else's: masked where they are, without a second volume
        long labelled = BorderMask.applyInPlace(labels, VoxelGrid.ofShape(d[2], d[1], d[0]), borderThresholdNm, resolutionZyx[1], context);
        return withLabels(labels, labelled, where, afterMask(borderThresholdNm));
    }

    /** The labels as they are. */
    public static GroundTruth of(long[] labels, String where) {
        return checked(labels, where, RunContext.sequential());
    }

    /**
     * The labels after the CREMI border mask ({@link BorderMask}) of {@code thresholdNm}. Labels all 0
     * are refused before the mask, which would make them one object.
     */
    public static GroundTruth masked(long[] labels, VoxelGrid grid, double thresholdNm, double resolutionY, String where, RunContext context) {
        requireLabelled(labels, where);
        long[] masked = new long[labels.length];
        long labelled = BorderMask.apply(labels, masked, grid, thresholdNm, resolutionY, context);
        return withLabels(masked, labelled, where, afterMask(thresholdNm));
    }

    private static String afterMask(double thresholdNm) {
        return " left by the " + thresholdNm + " nm border mask";
    }

    /** Refuses labels all 0; it looks only as far as the first label, usually among the first voxels. */
    private static void requireLabelled(long[] labels, String where) {
        for (long label : labels) {
            if (label != 0) {
                return;
            }
        }
        throw noLabel(where, "");
    }

    private static GroundTruth checked(long[] labels, String where, RunContext context) {
        AtomicLong count = new AtomicLong();
        context.forRange(labels.length, (from, to) -> {
            long part = 0;
            for (int i = from; i < to; i++) {
                part += labels[i] != 0 ? 1 : 0;
            }
            count.addAndGet(part);
        });
        return withLabels(labels, count.get(), where, "");
    }

    private static GroundTruth withLabels(long[] labels, long labelled, String where, String after) {
        if (labelled == 0) {
            throw noLabel(where, after);
        }
        return new GroundTruth(labels, labelled);
    }

    private static IllegalArgumentException noLabel(String where, String after) {
        return new IllegalArgumentException(where + " has no labelled voxel" + after + " (0 means ignore), so there is nothing to score against");
    }
}
