package org.cmgseg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CounterHashTest {

    private static final int SAMPLES = 200_000;

    @Test
    void uniformHasTheMomentsOfTheUnitInterval() {
        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 0; i < SAMPLES; i++) {
            double u = CounterHash.uniform(3, i);
            assertTrue(u >= 0 && u < 1);
            sum += u;
            sumOfSquares += u * u;
        }
        assertEquals(0.5, sum / SAMPLES, 0.005);
        assertEquals(1 / 3.0, sumOfSquares / SAMPLES, 0.005);
    }

    @Test
    void gaussianHasZeroMeanAndUnitVariance() {
        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 0; i < SAMPLES; i++) {
            double g = CounterHash.gaussian(11, i);
            sum += g;
            sumOfSquares += g * g;
        }
        assertEquals(0, sum / SAMPLES, 0.01);
        assertEquals(1, sumOfSquares / SAMPLES, 0.02);
    }

    @Test
    void seedsGiveDifferentStreams() {
        int equal = 0;
        for (int i = 0; i < 1000; i++) {
            equal += CounterHash.hash(1, i) == CounterHash.hash(2, i) ? 1 : 0;
        }
        assertEquals(0, equal);
    }
}
