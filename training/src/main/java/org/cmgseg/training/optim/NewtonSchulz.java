package org.cmgseg.training.optim;

import ai.djl.ndarray.NDArray;

/**
 * Approximate orthogonalisation of a matrix G (its polar factor U V^T, singular values pushed
 * towards 1) by five iterations of the quintic {@code X <- a X + (b A + c A^2) X}, {@code A = X X^T},
 * started from G scaled to unit Frobenius norm. The coefficients (3.4445, -4.7750, 2.0315) are the
 * published Muon ones: they trade exactness (singular values end in about [0.7, 1.2]) for speed.
 */
final class NewtonSchulz {

    private static final double A = 3.4445;
    private static final double B = -4.7750;
    private static final double C = 2.0315;
    private static final int ITERATIONS = 5;

    private NewtonSchulz() {
    }

    static NDArray orthogonalise(NDArray g) {
        boolean tall = g.getShape().get(0) > g.getShape().get(1);
        NDArray x = tall ? g.transpose() : g;
        x = x.div(x.norm().add(1e-7));
        for (int i = 0; i < ITERATIONS; i++) {
            NDArray a = x.matMul(x.transpose());
            NDArray b = a.mul(B).addi(a.matMul(a).muli(C));
            x = x.mul(A).addi(b.matMul(x));
        }
        return tall ? x.transpose() : x;
    }
}
