package org.cmgseg.training.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;

/**
 * LeNet-5: convolution 6@5x5 (padded, so 28x28 inputs work as 32x32 ones), 2x2 average pooling,
 * convolution 16@5x5, 2x2 average pooling, dense 120, dense 84, dense output; the activation after
 * every convolution and hidden dense layer.
 */
final class LeNet5 {

    private LeNet5() {
    }

    static SequentialBlock build(NetworkSpec spec) {
        Shape pool = new Shape(2, 2);
        return Layers.start(spec)
                .add(Layers.convolution(6, 5, 2)).add(spec.activation().newBlock())
                .add(Pool.avgPool2dBlock(pool, pool))
                .add(Layers.convolution(16, 5, 0)).add(spec.activation().newBlock())
                .add(Pool.avgPool2dBlock(pool, pool))
                .add(Layers.flatten())
                .add(Layers.dense(120)).add(spec.activation().newBlock())
                .add(Layers.dense(84)).add(spec.activation().newBlock())
                .add(Layers.dense(spec.classes()));
    }
}
