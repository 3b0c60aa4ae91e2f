package org.cmgseg.segmentation.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.util.LongIntHashMap;

/**
 * The objects to look at after a score: the ground-truth objects split into the most segments, and the segments that
 * merge the most ground-truth objects, from the contingency table (voxels of ground truth 0 are ignored, as the
 * metrics ignore them), each with its voxel count and centre.
 */
public final class ObjectOverlaps {

    /**
     * An object and how many objects of the other volume it overlaps ({@code partners}); {@code voxels} counts its
     * voxels where the ground truth is labelled; the centre (z, y, x, in voxels) is the mean position of those voxels.
     */
    public record Overlap(long label, int partners, long voxels, double centreZ, double centreY, double centreX) {
    }

    private ObjectOverlaps() {
    }

    /** Ground-truth objects by the number of segments they overlap, most first (then by size), at most {@code top}. */
    public static List<Overlap> splits(ContingencyTable table, long[] groundTruth, long[] segmentation, VoxelGrid grid, int top) {
        return ranked(table, true, groundTruth, segmentation, grid, top);
    }

    /** Segments by the number of ground-truth objects they overlap, most first (then by size), at most {@code top}. */
    public static List<Overlap> merges(ContingencyTable table, long[] groundTruth, long[] segmentation, VoxelGrid grid, int top) {
        return ranked(table, false, groundTruth, segmentation, grid, top);
    }

    private static List<Overlap> ranked(ContingencyTable table, boolean ofGroundTruth, long[] groundTruth, long[] segmentation,
            VoxelGrid grid, int top) {
        Map<Long, long[]> partnersAndVoxels = new HashMap<>();
        for (int p = 0; p < table.pairs(); p++) {
            long label = ofGroundTruth ? table.groundTruth(p) : table.segmentation(p);
            long[] counts = partnersAndVoxels.computeIfAbsent(label, k -> new long[2]);
            counts[0]++;
            counts[1] += table.count(p);
        }
        List<Long> labels = new ArrayList<>(partnersAndVoxels.keySet());
        labels.sort(Comparator.<Long>comparingLong(l -> -partnersAndVoxels.get(l)[0]).thenComparingLong(l -> -partnersAndVoxels.get(l)[1])
                .thenComparing(Long::compareUnsigned));
        List<Long> chosen = labels.subList(0, Math.min(top, labels.size()));
        double[][] sums = centreSums(chosen, ofGroundTruth ? groundTruth : segmentation, groundTruth, grid);
        List<Overlap> overlaps = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            long[] counts = partnersAndVoxels.get(chosen.get(i));
            overlaps.add(new Overlap(chosen.get(i), (int) counts[0], counts[1], sums[i][0] / counts[1], sums[i][1] / counts[1],
                    sums[i][2] / counts[1]));
        }
        return overlaps;
    }

    /** Per chosen label, the sums of z, y and x over its voxels where the ground truth is labelled. */
    private static double[][] centreSums(List<Long> chosen, long[] labels, long[] groundTruth, VoxelGrid grid) {
        LongIntHashMap slots = new LongIntHashMap(chosen.size());
        int zeroSlot = LongIntHashMap.ABSENT;
        for (int i = 0; i < chosen.size(); i++) {
            if (chosen.get(i) == 0) {
                zeroSlot = i;
            } else {
                slots.put(chosen.get(i), i);
            }
        }
        double[][] sums = new double[chosen.size()][3];
        int i = 0;
        for (int z = 0; z < grid.sizeZ(); z++) {
            for (int y = 0; y < grid.sizeY(); y++) {
                for (int x = 0; x < grid.sizeX(); x++, i++) {
                    if (groundTruth[i] == 0) {
                        continue;
                    }
                    int slot = labels[i] == 0 ? zeroSlot : slots.get(labels[i]);
                    if (slot != LongIntHashMap.ABSENT) {
                        sums[slot][0] += z;
                        sums[slot][1] += y;
                        sums[slot][2] += x;
                    }
                }
            }
        }
        return sums;
    }
}
