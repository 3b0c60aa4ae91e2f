package org.cmgseg.spark;

import java.io.Serializable;
import org.apache.spark.api.java.JavaRDD;
import org.cmgseg.affinities.SoftThreshold;
import org.cmgseg.affinities.ValueRange;
import org.cmgseg.cmg.Cmg;
import org.cmgseg.cmg.LogitMethod;

/**
 * The CMG soft threshold of (mu, I) as {@code cmgseg transform} makes it: on the volume's global range of values, found by
 * a first pass over the blocks (the minimum and maximum of the finite values as stored, reduced across tasks; a NaN or an
 * infinity fails the run, as everywhere the affinities are read without {@code --nan-as}).
 */
public record CmgStage(double mu, double inflection) implements Serializable {

    /** Fails with one line unless mu and I are in [0, 1]. */
    public CmgStage {
        Cmg.unit(mu, inflection);
    }

    /**
     * The affinities' blocks as tasks will read them: soft-thresholded on the range of the whole volume. Bad values fail
     * with the one-line message of the library's read (it names the same voxel whichever block found it), passed back as
     * data rather than as a failed task, which Spark would retry and log at length.
     */
    BlockAffinities on(JavaRDD<Block> blocks, String affinities) {
        BlockRange range = blocks.map(block -> {
            try {
                ValueRange values = ValueRange.of(BlockReads.affinities(affinities, block));
                return new BlockRange(values.min(), values.max(), null);
            } catch (IllegalArgumentException e) {
                return new BlockRange(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, e.getMessage());
            }
        }).reduce(BlockRange::merge);
        if (range.badValues() != null) {
            throw new IllegalArgumentException(range.badValues());
        }
        curve(range.min(), range.max());
        return new BlockAffinities(affinities, this, range.min(), range.max());
    }

    /** The range of the values of some blocks, or why they have none. */
    private record BlockRange(double min, double max, String badValues) implements Serializable {
        static BlockRange merge(BlockRange a, BlockRange b) {
            return new BlockRange(Math.min(a.min, b.min), Math.max(a.max, b.max), a.badValues != null ? a.badValues : b.badValues);
        }
    }

    /** The curve on [xmin, xmax] onto itself; fails with one line when the range is empty (a constant volume). */
    Cmg curve(double xmin, double xmax) {
        return SoftThreshold.curve(mu, inflection, new ValueRange(xmin, xmax), LogitMethod.EXACT);
    }
}
