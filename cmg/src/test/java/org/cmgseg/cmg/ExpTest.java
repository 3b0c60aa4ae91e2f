package org.cmgseg.cmg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast exp against exp computed to 50 digits, and its monotonicity. */
class ExpTest {

    private static final MathContext DIGITS = new MathContext(50);

    /** exp(x) = exp(x / 2^24)^(2^24): a short Taylor series, then 24 squarings. */
    private static BigDecimal reference(double x) {
        BigDecimal y = new BigDecimal(x).divide(BigDecimal.valueOf(1 << 24), DIGITS);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int n = 1; n < 12; n++) {
            term = term.multiply(y, DIGITS).divide(BigDecimal.valueOf(n), DIGITS);
            sum = sum.add(term, DIGITS);
        }
        for (int i = 0; i < 24; i++) {
            sum = sum.multiply(sum, DIGITS);
        }
        return sum;
    }

    private static double errorInUlps(double x) {
        double fast = Exp.exp(x);
        return new BigDecimal(fast).subtract(reference(x)).abs()
                .divide(new BigDecimal(Math.ulp(fast)), DIGITS).doubleValue();
    }

    @Test
    void withinHalfAnUlpAndABit() {
        Random random = new Random(7);
        double worst = 0;
        for (int i = 0; i < 4000; i++) {
            double x = i % 2 == 0 ? (random.nextDouble() * 2 - 1) * 708 : (random.nextDouble() * 2 - 1) * 4;
            worst = Math.max(worst, errorInUlps(x));
        }
        assertTrue(worst < 0.51, "worst error " + worst + " ulp");
    }

    @Test
    void monotoneOnRunsOfAdjacentDoubles() {
        Random random = new Random(11);
        for (int i = 0; i < 2000; i++) {
            double x = (random.nextDouble() * 2 - 1) * 700;
            double previous = Exp.exp(x);
            for (int j = 0; j < 200; j++) {
                x = Math.nextUp(x);
                double next = Exp.exp(x);
                assertTrue(next >= previous, "exp not monotone at " + x);
                previous = next;
            }
        }
    }

    @Test
    void specialValuesAndTheEdgesOfTheFastRange() {
        assertEquals(1, Exp.exp(0));
        assertEquals(1, Exp.exp(-0.0));
        assertEquals(Double.POSITIVE_INFINITY, Exp.exp(1000));
        assertEquals(0, Exp.exp(-1000));
        assertEquals(Double.POSITIVE_INFINITY, Exp.exp(Double.POSITIVE_INFINITY));
        assertEquals(0, Exp.exp(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(Exp.exp(Double.NaN)));
        for (double x : new double[] {Math.nextDown(708.0), -Math.nextDown(708.0), 708, -708, 709.7, -744}) {
            assertTrue(errorInUlps(x) < 0.51, () -> "at " + x);
        }
    }
}
