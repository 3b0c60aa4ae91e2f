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

    /**
     * {@code value} as a scalar array of x's type, in memory PyTorch owns. Use it, not a number, as the operand of
     * mul, div, maximum and the like on arrays that carry gradient: DJL wraps a number in an array over a Java
     * buffer and closes that array at once, while autograd keeps it for the backward pass, which then reads
     * memory that the garbage collector may have freed and handed out again in between.
     */
    static NDArray constant(NDArray x, double value) {
        try (NDArray wrapped = x.getManager().create(value); NDArray typed = wrapped.toType(x.getDataType(), false)) {
            return typed.duplicate();
        }
    }

    /** A trainable parameter with the given initializer; its shape is set when the block is initialised. */
    static Parameter parameter(String name, Initializer initializer) {
        return Parameter.builder().setName(name).setType(Parameter.Type.OTHER).optInitializer(initializer).build();
    }
}
