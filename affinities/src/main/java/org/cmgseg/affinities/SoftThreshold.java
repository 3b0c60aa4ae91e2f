package org.cmgseg.affinities;

import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.cmg.Cmg;
import org.cmgseg.cmg.CmgTransform;
import org.cmgseg.cmg.LogitMethod;
import org.cmgseg.core.RunContext;

/**
 * The CMG soft threshold of a float32 volume (affinities): every value x becomes the CMG curve of
 * (mu, I) through the range [xmin, xmax] onto itself (yL = xmin, yR = xmax), computed in double and
 * stored as float32. The range is given, or the global minimum and maximum of the whole volume
 * (a first blockwise pass). Bounded memory: blocks are read, transformed and written one by one.
 */
public final class SoftThreshold {

    private SoftThreshold() {
    }

    /** The curve for a range; fails clearly when the volume is constant (there is no range to map). */
    public static Cmg curve(double mu, double inflection, ValueRange range, LogitMethod method) {
        if (!(range.min() < range.max())) {
            throw new IllegalArgumentException("the value range [" + range.min() + ", " + range.max()
                    + "] is empty: the volume is constant, there is nothing to soft-threshold");
        }
        return Cmg.softThreshold(mu, inflection, range.min(), range.max(), method);
    }

    /**
     * Transforms {@code input} into {@code output} (same shape, float32) with the given curve; returns
     * how many values lay outside the curve's range [xmin, xmax] and were clipped to it.
     */
    public static long apply(ProbabilityView input, DatasetWriter output, Cmg curve, RunContext context) throws IOException {
        CmgTransform transform = new CmgTransform(curve, 1);
        LongAdder clipped = new LongAdder();
        Blockwise.map(input, output, (block, offset, size) -> {
            float[] values = (float[]) block;
            clipped.add(outside(values, curve.xmin(), curve.xmax()));
            transform.apply(values);
            return values;
        }, context, "soft threshold");
        return clipped.sum();
    }

    private static int outside(float[] values, double xmin, double xmax) {
        int n = 0;
        for (float v : values) {
            n += v < xmin || v > xmax ? 1 : 0;
        }
        return n;
    }
}
