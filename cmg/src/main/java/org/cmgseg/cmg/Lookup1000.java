package org.cmgseg.cmg;

/**
 * The logit phase as the authors' reference implementation approximates it, reproduced operation
 * for operation: 1000 output values evenly spaced from the lower to the upper of yL and yR, the
 * input at which the logistic of 1 - mu reaches each of them, and for an input x the output whose
 * input is nearest to x. On ties the lowest grid index wins for {@code x < xI}, the highest for
 * {@code x >= xI} (the reference's argmin over the grid and over the reversed grid).
 *
 * <p>The search is a binary search when the grid inputs are nondecreasing (always, in practice),
 * with the exact tie semantics of the linear argmin, which is used otherwise.
 */
final class Lookup1000 {

    static final int POINTS = 1000;

    private final double[] gridX = new double[POINTS];
    private final double[] gridY = new double[POINTS];
    private final double xI;
    private final boolean sorted;

    Lookup1000(double mu, double inflection, double xmin, double xmax, double yL, double yR) {
        double k = 2 - 1 / (1 - mu);
        boolean increasing = yL < yR;
        double start = increasing ? yL : yR;
        double stop = increasing ? yR : yL;
        double step = (stop - start) / (POINTS - 1);
        boolean nondecreasing = true;
        for (int j = 0; j < POINTS; j++) {
            double y = j == POINTS - 1 ? stop : j * step + start;
            gridX[j] = xmin + (xmax - xmin)
                    / (1 + (stop - y) / (y - start) * Math.exp(k * ((y - start) / (stop - start) - inflection)));
            gridY[j] = increasing ? y : yR + yL - y;
            nondecreasing &= !Double.isNaN(gridX[j]) && (j == 0 || gridX[j - 1] <= gridX[j]);
        }
        this.xI = xmin + inflection * (xmax - xmin);
        this.sorted = nondecreasing;
    }

    double value(double x) {
        boolean lowest = x < xI;
        int j = sorted ? nearestSorted(x, lowest) : nearestByScan(x, lowest);
        return gridY[j];
    }

    private double distance(double x, int j) {
        return Math.abs(x - gridX[j]);
    }

    /**
     * On a nondecreasing grid the distance is nonincreasing up to the first point at or above x
     * and nondecreasing from there, so the minimum sits at one of the two points around x and the
     * run of points sharing it is found by bisection.
     */
    private int nearestSorted(double x, boolean lowest) {
        int above = firstIndex(0, POINTS, j -> gridX[j] >= x);
        if (lowest) {
            if (above < POINTS && (above == 0 || distance(x, above - 1) > distance(x, above))) {
                return above;
            }
            double best = distance(x, above - 1);
            return firstIndex(0, above - 1, j -> distance(x, j) <= best);
        }
        if (above > 0 && (above == POINTS || distance(x, above) > distance(x, above - 1))) {
            return above - 1;
        }
        double best = distance(x, above);
        return firstIndex(above, POINTS, j -> distance(x, j) > best) - 1;
    }

    private interface IndexPredicate {
        boolean test(int j);
    }

    /** The first j in [from, to) where a predicate that is monotone (false, then true) holds, or to. */
    private static int firstIndex(int from, int to, IndexPredicate predicate) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (predicate.test(mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** numpy's argmin semantics, NaN included (the first NaN wins). */
    private int nearestByScan(double x, boolean lowest) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < POINTS; i++) {
            int j = lowest ? i : POINTS - 1 - i;
            double d = distance(x, j);
            if (d != d) {
                return j;
            }
            if (best < 0 || d < bestDistance) {
                best = j;
                bestDistance = d;
            }
        }
        return best;
    }
}
