package org.cmgseg.training.activation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * The logit of values uniform in (low, high): initialises a parameter stored as {@code logit(p)} so
 * that p is uniform. Draws are kept 2^-24 away from 0 and 1, where the logit is infinite.
 */
final class LogitUniformInitializer implements Initializer {

    private static final float MARGIN = 0x1p-24f;

    private final float low;
    private final float high;

    LogitUniformInitializer(float low, float high) {
        this.low = low;
        this.high = high;
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        NDArray p = manager.randomUniform(low, high, shape, dataType).clip(MARGIN, 1 - MARGIN);
        return p.log().sub(p.neg().add(1).log());
    }
}
