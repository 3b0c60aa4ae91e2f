package org.cmgseg.segmentation.gridsearch;

import org.cmgseg.affinities.SoftThreshold;
import org.cmgseg.affinities.ValueRange;
import org.cmgseg.cmg.Cmg;
import org.cmgseg.cmg.LogitMethod;

/**
 * One curve of the grid: the CMG soft threshold of (mu, I) over the affinities' global range, or the
 * untransformed baseline ({@link #BASELINE}, mu and I NaN; records compare doubles with Double.compare, so it
 * equals itself).
 */
public record GridCurve(double mu, double inflection) {

    public static final GridCurve BASELINE = new GridCurve(Double.NaN, Double.NaN);

    public boolean isBaseline() {
        return Double.isNaN(mu);
    }

    /** The CMG curve of [xmin, xmax] onto itself, exact logit phase; not for the baseline. */
    public Cmg cmg(ValueRange range) {
        if (isBaseline()) {
            throw new IllegalStateException("the baseline has no CMG curve");
        }
        return SoftThreshold.curve(mu, inflection, range, LogitMethod.EXACT);
    }

    @Override
    public String toString() {
        return isBaseline() ? "baseline" : "mu=" + mu + " I=" + inflection;
    }
}
