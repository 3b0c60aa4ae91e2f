package org.cmgseg.segmentation;

import org.cmgseg.segmentation.util.LongIntHashMap;

/**
 * Labels renumbered 1, 2, 3, ... in the order of their first voxel, background 0 kept: for viewers that
 * hold labels in fewer bits than uint64 (ImageJ's 32-bit images are exact up to 2^24).
 */
public final class LabelRenumbering {

    private LabelRenumbering() {
    }

    /** The largest label as an unsigned value (0 for an empty or all-background volume). */
    public static long maxLabel(long[] labels) {
        long max = 0;
        for (long label : labels) {
            if (Long.compareUnsigned(label, max) > 0) {
                max = label;
            }
        }
        return max;
    }

    /** Replaces every label in place by its consecutive number; returns how many non-zero labels there are. */
    public static int renumber(long[] labels) {
        LongIntHashMap numbers = new LongIntHashMap(1024);
        int count = 0;
        for (int i = 0; i < labels.length; i++) {
            long label = labels[i];
            if (label == 0) {
                continue;
            }
            int number = numbers.get(label);
            if (number == LongIntHashMap.ABSENT) {
                number = ++count;
                numbers.put(label, number);
            }
            labels[i] = number;
        }
        return count;
    }
}
