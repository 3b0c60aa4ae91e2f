package org.cmgseg.training.activation;

import java.util.Random;

/** Random test inputs. */
final class RandomInputs {

    private RandomInputs() {
    }

    static double[] gaussian(int n, double scale, Random random) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = scale * random.nextGaussian();
        }
        return values;
    }

    /** Magnitudes in [low, high] with random signs: away from 0, where LEAF's ReLU preset bends within 1e-4. */
    static double[] awayFromZero(int n, double low, double high, Random random) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = (random.nextBoolean() ? 1 : -1) * (low + (high - low) * random.nextDouble());
        }
        return values;
    }

    static double[] uniform(int n, double low, double high, Random random) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = low + (high - low) * random.nextDouble();
        }
        return values;
    }
}
