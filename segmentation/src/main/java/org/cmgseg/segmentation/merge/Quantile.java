package org.cmgseg.segmentation.merge;

import java.math.BigDecimal;

/**
 * A quantile q in [0, 100] (percent), kept as the exact decimal it was written as. Of n values in
 * ascending order it picks the one of 0-based rank {@code floor(q * n / 100)}, clamped to n - 1,
 * which for whole q is waterz's integer {@code q * n / 100}.
 */
public record Quantile(long unscaled, int scale) {

    private static final int MAX_SCALE = 6;
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    public Quantile {
        if (scale < 0 || scale > MAX_SCALE || unscaled < 0 || unscaled > 100 * POWERS[scale]) {
            throw new IllegalArgumentException("a quantile must be a number from 0 to 100 with at most " + MAX_SCALE + " decimals");
        }
    }

    /** From its decimal text, e.g. "50" or "12.5". */
    public static Quantile parse(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text).stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a quantile must be a number from 0 to 100, got '" + text + "'");
        }
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0 || value.scale() > MAX_SCALE) {
            throw new IllegalArgumentException("a quantile must be a number from 0 to 100 with at most " + MAX_SCALE
                    + " decimals, got '" + text + "'");
        }
        return new Quantile(value.unscaledValue().longValueExact(), value.scale());
    }

    /** The 0-based rank of the quantile among n >= 1 values. */
    public long rank(long n) {
        long rank = Math.multiplyExact(unscaled, n) / (100 * POWERS[scale]);
        return Math.min(rank, n - 1);
    }

    @Override
    public String toString() {
        return BigDecimal.valueOf(unscaled, scale).toPlainString();
    }
}
