package org.cmgseg.training.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;

/**
 * The Keras CIFAR-10 example network of the LEAF experiments: two 3x3 convolutions of 32 filters
 * (the first padded), 2x2 max pooling, dropout 0.25, the same with 64 filters, dense 512, dropout
 * 0.5, dense output; the activation after every convolution and the hidden dense layer.
 */
final class KerasNet {

    private KerasNet() {
    }

    static SequentialBlock build(NetworkSpec spec) {
        Shape pool = new Shape(2, 2);
        return Layers.start(spec)
                .add(Layers.convolution(32, 3, 1)).add(spec.activation().newBlock())
                .add(Layers.convolution(32, 3, 0)).add(spec.activation().newBlock())
                .add(Pool.maxPool2dBlock(pool, pool))
                .add(Layers.dropout(0.25))
                .add(Layers.convolution(64, 3, 1)).add(spec.activation().newBlock())
                .add(Layers.convolution(64, 3, 0)).add(spec.activation().newBlock())
                .add(Pool.maxPool2dBlock(pool, pool))
                .add(Layers.dropout(0.25))
                .add(Layers.flatten())
                .add(Layers.dense(512)).add(spec.activation().newBlock())
                .add(Layers.dropout(0.5))
                .add(Layers.dense(spec.classes()));
    }
}
