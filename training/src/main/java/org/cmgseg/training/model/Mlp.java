package org.cmgseg.training.model;

import ai.djl.nn.SequentialBlock;

/** The multilayer perceptron of the CMG paper: [IFM], flatten, (dense, activation, dropout) per hidden width, dense. */
final class Mlp {

    private Mlp() {
    }

    static SequentialBlock build(NetworkSpec spec) {
        SequentialBlock network = Layers.start(spec).add(Layers.flatten());
        for (int width : spec.hiddenWidths()) {
            network.add(Layers.dense(width)).add(spec.activation().newBlock());
            if (spec.dropout() > 0) {
                network.add(Layers.dropout(spec.dropout()));
            }
        }
        return network.add(Layers.dense(spec.classes()));
    }
}
