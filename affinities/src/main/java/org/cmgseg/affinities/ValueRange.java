package org.cmgseg.affinities;

import java.io.IOException;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.Dataset;

/** The minimum and maximum of a dataset's values, found in one blockwise pass. */
public record ValueRange(double min, double max) {

    /**
     * Scans every value (float32 datasets, non-finite values handled by the policy); results are the
     * same for any thread count.
     */
    public static ValueRange of(Dataset dataset, NonFinitePolicy policy, String where, int threads, Progress progress) throws IOException {
        if (dataset.info().dataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException(where + " is " + dataset.info().dataType().label() + "; affinities must be float32");
        }
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        Blockwise.scan(dataset, (input, offset, size) -> {
            float[] values = (float[]) input;
            policy.apply(values, offset, size, where);
            ValueRange block = of(values);
            synchronized (range) {
                range[0] = Math.min(range[0], block.min());
                range[1] = Math.max(range[1], block.max());
            }
        }, threads, progress, "scanning the value range");
        return new ValueRange(range[0], range[1]);
    }

    /** The range of finite values in memory (an empty array gives (+inf, -inf)). */
    public static ValueRange of(float[] values) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new ValueRange(lo, hi);
    }
}
