package org.cmgseg.training.run;

/** Training stopped because a mini-batch's loss was NaN or infinite (and the run was not told to continue). */
public final class NonFiniteLossException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int completedEpochs;

    NonFiniteLossException(int epoch, int batch, double loss, int completedEpochs) {
        super("the training loss became " + loss + " in epoch " + epoch + ", mini-batch " + batch);
        this.epoch = epoch;
        this.completedEpochs = completedEpochs;
    }

    public int epoch() {
        return epoch;
    }

    /** Epochs finished before this one: the state a checkpoint of the run holds. */
    public int completedEpochs() {
        return completedEpochs;
    }
}
