package org.cmgseg.training.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import org.cmgseg.training.data.Batch;
import org.cmgseg.training.data.BatchMaker;

/** Mean loss, top-1 and top-5 accuracy of a network on a whole (test) set, without dropout or gradients. */
record Evaluation(double loss, double top1, double topK) {

    static final int K = 5;

    static Evaluation of(Classifier classifier, BatchMaker batches, int batchSize, NDManager manager) {
        int n = batches.images().size();
        int k = Math.min(K, batches.images().classes());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double lossSum = 0;
        long top1 = 0;
        long topK = 0;
        for (int from = 0; from < n; from += batchSize) {
            Batch batch = batches.make(order, from, Math.min(n, from + batchSize), null);
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray labels = BatchArrays.labels(manager, batch);
                NDArray logits = classifier.logits(BatchArrays.images(manager, batch), false);
                lossSum += Classifier.loss(logits, labels).getFloat() * batch.count();
                NDArray ranked = logits.argSort(1, false).get(new NDIndex(":, :" + k));
                NDArray hits = ranked.eq(labels.expandDims(1));
                top1 += hits.get(new NDIndex(":, 0")).sum().getLong();
                topK += hits.sum().getLong();
            }
        }
        return new Evaluation(lossSum / n, (double) top1 / n, (double) topK / n);
    }
}
