package org.cmgseg.training.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import org.cmgseg.training.activation.CmgFeatureModulator;

/** The building blocks the three networks share. */
final class Layers {

    private Layers() {
    }

    /** An empty network, or one that starts with the CMG input feature modulator. */
    static SequentialBlock start(NetworkSpec spec) {
        SequentialBlock network = new SequentialBlock();
        if (spec.inputModulator()) {
            network.add(new CmgFeatureModulator());
        }
        return network;
    }

    static Block dense(long units) {
        return Linear.builder().setUnits(units).build();
    }

    /** A square convolution with stride 1 and the given zero padding on each side. */
    static Block convolution(int filters, int kernel, int padding) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optPadding(new Shape(padding, padding)).build();
    }

    static Block dropout(double rate) {
        return Dropout.builder().optRate((float) rate).build();
    }

    static Block flatten() {
        return Blocks.batchFlattenBlock();
    }
}
