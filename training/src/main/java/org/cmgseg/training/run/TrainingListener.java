package org.cmgseg.training.run;

/** Progress of a run, reported from the training thread. */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() {
        @Override
        public void epochStarted(int epoch, int batches) {
        }

        @Override
        public void batchFinished(int batch, double loss) {
        }
    };

    /** Epoch {@code epoch} (1-based) starts; it has {@code batches} mini-batches. */
    void epochStarted(int epoch, int batches);

    /** Mini-batch {@code batch} (1-based) of the current epoch is done; {@code loss} is its training loss. */
    void batchFinished(int batch, double loss);
}
