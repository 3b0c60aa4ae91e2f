package org.cmgseg.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.cmgseg.core.ShortestDecimal;

/**
 * Numbers formatted as C's {@code printf("%.17g")} and Python's {@code "%.17g" %} print them, so that
 * output can be compared with the Python tools character for character. (Java's own {@code %g}
 * keeps trailing zeros and switches to exponents at different magnitudes.)
 */
public final class CFormat {

    private static final int DIGITS = 17;

    private CFormat() {
    }

    public static String g17(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(DIGITS, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= DIGITS) {
            String digits = rounded.unscaledValue().abs().toString();
            String mantissa = stripZeros(digits.charAt(0) + "." + digits.substring(1));
            return (v < 0 ? "-" : "") + mantissa + (exponent < 0 ? "e-" : "e+")
                    + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        }
        return stripZeros(rounded.setScale(Math.max(DIGITS - 1 - exponent, 0), RoundingMode.UNNECESSARY).toPlainString());
    }

    /**
     * The shortest decimal that reads back as the same double, without exponent: 0.3, 0.25, 1, 1e-5 as
     * 0.00001. For labels and names (thresholds, curve parameters), where %.17g would be noise.
     */
    public static String shortest(double v) {
        if (!Double.isFinite(v)) {
            return g17(v);
        }
        if (v == 0) {
            return "0";
        }
        return shortestDecimal(v).toPlainString();
    }

    /**
     * As Python's {@code repr(float)}: the shortest decimal that reads back as the same double, with a
     * ".0" when it is whole, in exponent form below 1e-4 and from 1e16 on; inf, -inf and nan. For
     * numbers in files that pandas and Python must read as floats (a loss of 1e300 is not an integer
     * of 301 digits).
     */
    public static String repr(double v) {
        if (!Double.isFinite(v)) {
            return g17(v);
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0.0" : "0.0";
        }
        BigDecimal decimal = shortestDecimal(v);
        int exponent = decimal.precision() - decimal.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = decimal.toPlainString();
            return plain.indexOf('.') < 0 ? plain + ".0" : plain;
        }
        String digits = decimal.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (v < 0 ? "-" : "") + mantissa + (exponent < 0 ? "e-" : "e+") + (Math.abs(exponent) < 10 ? "0" : "")
                + Math.abs(exponent);
    }

    /** The decimal of fewest significant digits (no trailing zeros) that reads back as v, finite and not 0. */
    private static BigDecimal shortestDecimal(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int digits = 1; digits < DIGITS; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == v) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(DIGITS, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /** The shortest decimal that reads back as the same float (a float32 threshold 0.1f is "0.1"). */
    public static String shortest(float v) {
        return Float.isFinite(v) ? ShortestDecimal.of(v) : g17(v);
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}
