package org.cmgseg.cmg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.cmgseg.core.Parallel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bulk transforms equal the scalar function bit for bit, for any thread count. */
class CmgTransformTest {

    private static final int N = 9 * Parallel.MIN_CHUNK + 17;

    private static double[] inputs() {
        Random random = new Random(42);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = -0.2 + 1.4 * random.nextDouble();
        }
        x[5] = Double.NaN;
        x[6] = 0;
        x[7] = 1;
        return x;
    }

    @ParameterizedTest
    @CsvSource({"0, 0.4", "0.3, 0.5", "0.5, 0.2", "0.8, 0.2", "0.97, 0.6", "1, 0.3"})
    void doublesEqualTheScalarFunction(double mu, double inflection) {
        Cmg curve = Cmg.unit(mu, inflection);
        double[] x = inputs();
        double[] expected = new double[N];
        for (int i = 0; i < N; i++) {
            expected[i] = curve.value(x[i]);
        }
        for (int threads = 1; threads <= 4; threads++) {
            double[] out = new double[N];
            new CmgTransform(curve, threads).apply(x, out);
            assertArrayEquals(expected, out, "threads=" + threads);
            double[] inPlace = x.clone();
            new CmgTransform(curve, threads).apply(inPlace);
            assertArrayEquals(expected, inPlace, "in place, threads=" + threads);
        }
    }

    @ParameterizedTest
    @CsvSource({"0.3, 0.5", "0.8, 0.2", "0.65, 0.9"})
    void floatsAreComputedInDoubleAndRoundedOnce(double mu, double inflection) {
        Cmg curve = Cmg.unit(mu, inflection);
        double[] x = inputs();
        float[] in = new float[N];
        float[] expected = new float[N];
        for (int i = 0; i < N; i++) {
            in[i] = (float) x[i];
            expected[i] = (float) curve.value(in[i]);
        }
        for (int threads = 1; threads <= 3; threads++) {
            float[] out = new float[N];
            new CmgTransform(curve, threads).apply(in, out);
            assertArrayEquals(expected, out, "threads=" + threads);
            float[] inPlace = in.clone();
            new CmgTransform(curve, threads).apply(inPlace);
            assertArrayEquals(expected, inPlace, "in place, threads=" + threads);
        }
    }

    /** Where exp(k (s - I)) overflows (mu near 1), the fast path declines and the exact ends must still come out. */
    @ParameterizedTest
    @CsvSource({"0.9999, 0.9", "0.999999, 0.1", "0.999999, 0.5"})
    void endsAreExactEvenWhereTheFastPathOverflows(double mu, double inflection) {
        Cmg curve = new Cmg(mu, inflection, -1, 3, 2, -5);
        double[] x = {-1, 3, -2, 4, 1};
        double[] y = new double[x.length];
        new CmgTransform(curve, 1).apply(x, y);
        assertArrayEquals(new double[] {2, -5, 2, -5, curve.value(1)}, y);
        // near mu = 1: s = I + (1 - mu) (logit(t) - logit(I)) + O((1 - mu)^2), here at t = 1/2
        double s = inflection + (1 - mu) * -Math.log(inflection / (1 - inflection));
        assertEquals(2 + s * -7, curve.value(1), 1e-5);
    }

    @ParameterizedTest
    @CsvSource({"1", "2"})
    void rejectsMismatchedLengths(int threads) {
        CmgTransform transform = new CmgTransform(Cmg.unit(0.3, 0.5), threads);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> transform.apply(new float[3], new float[4]));
        assertEquals("input has 3 values but output has 4", e.getMessage());
    }
}
