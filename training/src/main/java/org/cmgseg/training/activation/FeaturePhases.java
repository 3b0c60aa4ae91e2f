package org.cmgseg.training.activation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;

/**
 * The features of one pass split by CMG phase, read once from the clipped mu logits r: logistic (r <= 0) and logit
 * (r > 0). Each phase is then computed on its own features only, and {@link #merge} puts them back in order. Arrays
 * hold one feature per row (dimension 0), so that both selecting and merging are single index operations. When all
 * features share one phase nothing is selected.
 */
final class FeaturePhases implements AutoCloseable {

    private final NDArray logistic;
    private final NDArray logit;
    /** Row of every feature in [logistic rows | logit rows]. */
    private final NDArray order;
    private final int logisticCount;
    private final int logitCount;
    private final double largestR;

    private FeaturePhases(NDManager manager, double[] r) {
        long[] logisticIndices = new long[r.length];
        long[] logitIndices = new long[r.length];
        long[] columns = new long[r.length];
        int nLogistic = 0;
        int nLogit = 0;
        double largest = Double.NEGATIVE_INFINITY;
        for (int f = 0; f < r.length; f++) {
            if (r[f] <= 0) {
                logisticIndices[nLogistic++] = f;
            } else {
                logitIndices[nLogit++] = f;
            }
            largest = Math.max(largest, r[f]);
        }
        for (int i = 0; i < nLogit; i++) {
            columns[(int) logitIndices[i]] = nLogistic + i;
        }
        for (int i = 0; i < nLogistic; i++) {
            columns[(int) logisticIndices[i]] = i;
        }
        logisticCount = nLogistic;
        logitCount = nLogit;
        largestR = largest;
        boolean split = nLogistic > 0 && nLogit > 0;
        logistic = split ? indices(manager, Arrays.copyOf(logisticIndices, nLogistic)) : null;
        logit = split ? indices(manager, Arrays.copyOf(logitIndices, nLogit)) : null;
        order = split ? indices(manager, columns) : null;
    }

    /** Indices in memory PyTorch owns: autograd keeps them for the backward pass (see {@link ElementwiseBlock#constant}). */
    private static NDArray indices(NDManager manager, long[] values) {
        try (NDArray wrapped = manager.create(values)) {
            return wrapped.duplicate();
        }
    }

    /**
     * The split of the features whose clipped mu logits are {@code r}, one per feature (a NaN counts as logit
     * phase, where it shows in the output).
     */
    static FeaturePhases of(NDArray r) {
        if (r.getDataType() == DataType.FLOAT64) {
            return new FeaturePhases(r.getManager(), r.toDoubleArray());
        }
        float[] values = r.toFloatArray();
        double[] wide = new double[values.length];
        for (int f = 0; f < values.length; f++) {
            wide[f] = values[f];
        }
        return new FeaturePhases(r.getManager(), wide);
    }

    boolean hasLogistic() {
        return logisticCount > 0;
    }

    boolean hasLogit() {
        return logitCount > 0;
    }

    /** The largest r, which sets the logit phase's Newton steps. */
    double largestR() {
        return largestR;
    }

    /** The logistic-phase features' rows of {@code array}. */
    NDArray logistic(NDArray array) {
        return select(array, logistic);
    }

    /** The logit-phase features' rows of {@code array}. */
    NDArray logit(NDArray array) {
        return select(array, logit);
    }

    /** The rows of both phases (null for a phase without features) back in feature order. */
    NDArray merge(NDArray logisticRows, NDArray logitRows) {
        if (logisticRows == null || logitRows == null) {
            return logisticRows == null ? logitRows : logisticRows;
        }
        try (NDArray joined = NDArrays.concat(new NDList(logisticRows, logitRows))) {
            return joined.get(new NDIndex("{}", order));
        }
    }

    private static NDArray select(NDArray array, NDArray indices) {
        return indices == null ? array : array.get(new NDIndex("{}", indices));
    }

    @Override
    public void close() {
        for (NDArray indices : new NDArray[] {logistic, logit, order}) {
            if (indices != null) {
                indices.close();
            }
        }
    }
}
