package org.cmgseg.training.optim;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.Initializer;

/** Double-precision parameters whose gradients the test chooses. */
final class Gradients {

    private Gradients() {
    }

    static Parameter parameter(NDManager manager, String name, double[] values, long... shape) {
        Initializer fixed = (m, s, type) -> m.create(values, new Shape(shape));
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optShape(new Shape(shape))
                .optInitializer(fixed).build();
        p.initialize(manager, DataType.FLOAT64);
        return p;
    }

    /** Sets each parameter's gradient to the given values (by back-propagating sum(g * w)). */
    static void set(Parameter[] parameters, double[][] gradients) {
        for (Parameter p : parameters) {
            try (NDArray g = p.getArray().getGradient()) {
                g.subi(g);
            }
        }
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = null;
            for (int i = 0; i < parameters.length; i++) {
                NDArray w = parameters[i].getArray();
                NDArray term = w.mul(w.getManager().create(gradients[i], w.getShape())).sum();
                loss = loss == null ? term : loss.add(term);
            }
            collector.backward(loss);
        }
    }

    static double[] values(Parameter p) {
        return p.getArray().toDoubleArray();
    }
}
