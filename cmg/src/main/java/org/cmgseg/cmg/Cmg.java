package org.cmgseg.cmg;

/**
 * One curve of the Cannistraci-Muscoloni-Gu generalized logistic-logit function (CMG-GLLF): a
 * monotone map of [xmin, xmax] onto [yL, yR] (either direction) that passes through
 * {@code (xmin + I (xmax - xmin), yL + I (yR - yL))} for every shape parameter mu. Inputs outside
 * [xmin, xmax] are clamped to it; NaN stays NaN.
 *
 * <p>In normalised coordinates {@code t = (x - xmin) / (xmax - xmin)} the output is
 * {@code y = yL + s(t) (yR - yL)} with s given by the {@link Phase} that mu selects.
 * Immutable and thread-safe; bulk transforms are in {@link CmgTransform}.
 */
public final class Cmg {

    private final double mu;
    private final double inflection;
    private final double xmin;
    private final double xmax;
    private final double yL;
    private final double yR;
    private final LogitMethod method;
    private final Phase phase;
    /** 2 - 1/m with m = mu in the logistic phase and m = 1 - mu in the logit phase. */
    private final double k;
    private final double width;
    /** 1 / width when that is exact (width a power of two, e.g. the range [0, 1]), else NaN. */
    private final double exactInverseWidth;
    private final double xI;
    private final UnitLogit logit;
    private final Lookup1000 lookup;

    public Cmg(double mu, double inflection, double xmin, double xmax, double yL, double yR, LogitMethod method) {
        this.phase = Phase.of(mu);
        if (!(inflection >= 0 && inflection <= 1)) {
            throw new IllegalArgumentException("inflection I must be in [0, 1], got " + inflection);
        }
        requireFinite("xmin", xmin);
        requireFinite("xmax", xmax);
        requireFinite("yL", yL);
        requireFinite("yR", yR);
        if (!(xmin < xmax)) {
            throw new IllegalArgumentException("xmin must be less than xmax, got xmin=" + xmin + " xmax=" + xmax);
        }
        this.width = xmax - xmin;
        if (!Double.isFinite(width)) {
            throw new IllegalArgumentException("xmax - xmin overflows: xmin=" + xmin + " xmax=" + xmax);
        }
        this.exactInverseWidth = width == Math.scalb(1.0, Math.getExponent(width)) ? 1 / width : Double.NaN;
        this.mu = mu;
        this.inflection = inflection;
        this.xmin = xmin;
        this.xmax = xmax;
        this.yL = yL;
        this.yR = yR;
        this.method = method;
        this.xI = xmin + inflection * width;
        this.k = switch (phase) {
            case LOGISTIC, LINEAR -> UnitLogistic.rate(mu);
            case LOGIT -> UnitLogistic.rate(1 - mu);
            default -> Double.NaN;
        };
        boolean lookupMode = phase == Phase.LOGIT && method == LogitMethod.LOOKUP1000;
        this.logit = phase == Phase.LOGIT && !lookupMode ? new UnitLogit(k, inflection) : null;
        this.lookup = lookupMode ? new Lookup1000(mu, inflection, xmin, xmax, yL, yR) : null;
    }

    public Cmg(double mu, double inflection, double xmin, double xmax, double yL, double yR) {
        this(mu, inflection, xmin, xmax, yL, yR, LogitMethod.EXACT);
    }

    /** The curve on the unit square: [0, 1] onto [0, 1]. */
    public static Cmg unit(double mu, double inflection) {
        return new Cmg(mu, inflection, 0, 1, 0, 1);
    }

    /** The soft threshold of a value range: [xmin, xmax] onto itself, as applied to affinities. */
    public static Cmg softThreshold(double mu, double inflection, double xmin, double xmax, LogitMethod method) {
        return new Cmg(mu, inflection, xmin, xmax, xmin, xmax, method);
    }

    private static void requireFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + v);
        }
    }

    public double value(double x) {
        double y = valueFast(x);
        return y == y || x != x ? y : yL + logit.solve(normalise(clamp(x))) * (yR - yL);
    }

    /**
     * {@link #valueFast} of x[0..n) into y; t and scratch are work space of at least n. The logistic
     * and exact logit phases run in passes over the block, with the same results: each pass is a
     * short chain of operations per element, which the CPU overlaps across elements.
     */
    void valuesFast(double[] x, double[] y, double[] t, double[] scratch, int n) {
        boolean logistic = phase == Phase.LOGISTIC || phase == Phase.LINEAR;
        if (!logistic && logit == null) {
            for (int i = 0; i < n; i++) {
                y[i] = valueFast(x[i]);
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            t[i] = normalise(clamp(x[i]));
        }
        if (logistic) {
            UnitLogistic.values(t, y, n, k, inflection);
        } else {
            logit.solveFast(t, y, scratch, n);
        }
        double scale = yR - yL;
        for (int i = 0; i < n; i++) {
            y[i] = yL + y[i] * scale;
        }
    }

    /**
     * The value, or NaN where the exact logit phase needs its slow safeguarded solve (rare), in
     * which case {@link #value} gives it. Kept small so that bulk loops inline it.
     */
    double valueFast(double x) {
        double xc = clamp(x); // NaN stays NaN, and the arithmetic phases carry it through
        switch (phase) {
            case STEP:
                return xc < xI ? yL : (xc > xI ? yR : xc == xI ? Math.max(yL, yR) : Double.NaN);
            case CONSTANT:
                return x == x ? yL + inflection * (yR - yL) : Double.NaN;
            case LINEAR: // the logistic formula with k = 0, as the reference evaluates mu = 0.5
            case LOGISTIC:
                return yL + UnitLogistic.value(normalise(xc), k, inflection) * (yR - yL);
            default:
                if (lookup != null) {
                    return x == x ? lookup.value(xc) : Double.NaN;
                }
                return yL + logit.solveFast(normalise(xc)) * (yR - yL);
        }
    }

    /** {@code t = (x - xmin) / (xmax - xmin)}, with the division done as an exact multiplication when possible. */
    private double normalise(double x) {
        double inverse = exactInverseWidth;
        return inverse == inverse ? (x - xmin) * inverse : (x - xmin) / width;
    }

    private double clamp(double x) {
        return x < xmin ? xmin : (x > xmax ? xmax : x);
    }

    /**
     * The value and the partial derivatives at x (see {@link CmgDerivatives}); d/dx is 0 where x is
     * clamped. Not available for the {@link LogitMethod#LOOKUP1000} approximation of the logit phase.
     */
    public CmgDerivatives derivatives(double x) {
        if (lookup != null) {
            throw new UnsupportedOperationException(
                    "derivatives need the exact logit method: the lookup1000 approximation is piecewise constant");
        }
        double y = value(x);
        if (x != x) {
            return new CmgDerivatives(y, Double.NaN, Double.NaN, Double.NaN);
        }
        boolean clamped = x < xmin || x > xmax;
        double xc = clamp(x);
        double t = normalise(xc);
        double scale = yR - yL;
        double dsdt;
        double dsdmu;
        double dsdI;
        switch (phase) {
            case STEP: {
                double atJump = xc == xI ? Double.NaN : 0;
                dsdt = atJump;
                dsdmu = atJump;
                dsdI = atJump;
                break;
            }
            case CONSTANT:
                // one-sided limit mu -> 1 of the logit phase: s = I + (1 - mu) (logit(t) - logit(I)) + ...
                dsdt = 0;
                dsdmu = logit(inflection) - logit(t);
                dsdI = 1;
                break;
            case LINEAR:
            case LOGISTIC: {
                if (t == 0 || t == 1) {
                    dsdt = UnitLogistic.endSlope(t, k, inflection);
                    dsdmu = 0;
                    dsdI = 0;
                    break;
                }
                double ratio = UnitLogistic.ratio(t, k, inflection);
                double s = 1 / (1 + ratio);
                double spread = UnitLogistic.spread(s, ratio);
                dsdt = spread / (t * (1 - t)) - k * spread;
                dsdmu = -spread * (t - inflection) / (mu * mu);
                dsdI = k * spread;
                break;
            }
            default: {
                double m = 1 - mu;
                if (t == 0 || t == 1) {
                    dsdt = 1 / UnitLogistic.endSlope(t, k, inflection);
                    dsdmu = 0;
                    dsdI = 0;
                    break;
                }
                double s = logit.solve(t);
                double spread = s * (1 - s);
                double stiffness = 1 - k * spread;
                dsdt = spread / (t * (1 - t) * stiffness);
                dsdmu = -(s - inflection) * spread / (m * m * stiffness);
                dsdI = -k * spread / stiffness;
                break;
            }
        }
        double dx = clamped ? 0 : scale * dsdt / width;
        // + 0.0 turns the -0.0 of a decreasing curve's zero slopes into 0
        return new CmgDerivatives(y, dx + 0.0, scale * dsdmu + 0.0, scale * dsdI + 0.0);
    }

    private static double logit(double p) {
        return Math.log(p) - Math.log1p(-p);
    }

    public double mu() {
        return mu;
    }

    public double inflection() {
        return inflection;
    }

    public double xmin() {
        return xmin;
    }

    public double xmax() {
        return xmax;
    }

    public double yL() {
        return yL;
    }

    public double yR() {
        return yR;
    }

    public LogitMethod method() {
        return method;
    }

    public Phase phase() {
        return phase;
    }

    @Override
    public String toString() {
        return "CMG(mu=" + mu + ", I=" + inflection + ", [" + xmin + ", " + xmax + "] -> [" + yL + ", " + yR + "], "
                + phase.name().toLowerCase() + (lookup != null ? ", lookup1000" : "") + ")";
    }
}
