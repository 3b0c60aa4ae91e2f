package org.cmgseg.training.activation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/** A block that maps its single input to an output of the same shape. */
abstract class ElementwiseBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    ElementwiseBlock() {
        super(VERSION);
    }

    /** The output for input x; parameters come from the store. */
    abstract NDArray apply(ParameterStore store, NDArray x, boolean training);

    @Override
    protected final NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(apply(store, inputs.singletonOrThrow(), training));
    }

    @Override
    public final Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    /** The parameter's value in the input's device, as the store gives it for this pass. */
    static NDArray value(ParameterStore store, Parameter parameter, NDArray x, boolean training) {
        return store.getValue(parameter, x.getDevice(), training);
    }

    /** A trainable parameter with the given initializer; its shape is set when the block is initialised. */
    static Parameter parameter(String name, Initializer initializer) {
        return Parameter.builder().setName(name).setType(Parameter.Type.OTHER).optInitializer(initializer).build();
    }
}
