package org.cmgseg.training.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.cmgseg.training.data.Batch;

/** A mini-batch as tensors: images (count, channels, height, width) and int64 labels. */
final class BatchArrays {

    private BatchArrays() {
    }

    static NDArray images(NDManager manager, Batch batch) {
        return manager.create(batch.images(), new Shape(batch.count(), batch.channels(), batch.height(), batch.width()));
    }

    static NDArray labels(NDManager manager, Batch batch) {
        long[] labels = new long[batch.count()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = batch.labels()[i];
        }
        return manager.create(labels);
    }
}
