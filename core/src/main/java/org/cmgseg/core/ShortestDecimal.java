package org.cmgseg.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Names for float32 numbers such as thresholds: the shortest decimal that reads back as the same float. */
public final class ShortestDecimal {

    private ShortestDecimal() {
    }

    /** A float32 threshold 0.1f is "0.1", 0.25f "0.25", 1e-5f "0.00001"; no exponent. */
    public static String of(float v) {
        if (!Float.isFinite(v)) {
            return Float.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(v);
        for (int digits = 1; digits < 10; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.floatValue() == v) {
                return candidate.stripTrailingZeros().toPlainString();
            }
        }
        return exact.round(new MathContext(9, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString();
    }

    /** Whether a text is a name {@link #of} gives (not just anything Java parses as a float: "NaN", "1e-1", "2f"). */
    public static boolean isName(String text) {
        try {
            return of(Float.parseFloat(text)).equals(text);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
