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

    /** The affinities' blocks as tasks will read them: soft-thresholded on the range of the whole volume. */
    BlockAffinities on(JavaRDD<Block> blocks, String affinities) {
        double[] range = blocks.map(block -> {
            ValueRange values = ValueRange.of(BlockReads.affinities(affinities, block));
            return new double[] {values.min(), values.max()};
        }).reduce((a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        curve(range[0], range[1]);
        return new BlockAffinities(affinities, this, range[0], range[1]);
    }

    /** The curve on [xmin, xmax] onto itself; fails with one line when the range is empty (a constant volume). */
    Cmg curve(double xmin, double xmax) {
        return SoftThreshold.curve(mu, inflection, new ValueRange(xmin, xmax), LogitMethod.EXACT);
    }
}
