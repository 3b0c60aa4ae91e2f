package org.cmgseg.training.reproduce;

import java.util.ArrayList;
import java.util.List;
import org.cmgseg.training.activation.ActivationChoice;
import org.cmgseg.training.data.Augmentation;
import org.cmgseg.training.model.Architecture;
import org.cmgseg.training.optim.OptimizerChoice;
import org.cmgseg.training.optim.Schedule;
import org.cmgseg.training.run.TrainingConfig;

/**
 * The training protocol of the LEAF paper's LeNet-5 and KerasNet tables (Bodyanskiy and Kostiuk): Adam at
 * 1e-3 without weight decay (PyTorch's default) or schedule, mini-batches of 128, a random horizontal flip
 * (p = 0.5) and a shift by up to 0.1 of the image size drawn once per mini-batch, 100 epochs, seed 42. LEAF
 * trains p2 and p4 at 1e-6 (P24SI), with and without DSPT. Every row of a table starts from the same network
 * weights: the seed alone fixes them, and no activation draws random numbers when it is initialised.
 * Non-finite mini-batches are skipped and counted rather than ending a row.
 */
public final class LeafProtocol {

    public static final long SEED = 42;
    public static final int EPOCHS = 100;
    public static final int BATCH_SIZE = 128;
    public static final double LEARNING_RATE = 1e-3;
    public static final double P24SI_RATE = 1e-6;

    /** The rows of each table, in the paper's order: each base function, LEAF as it, LEAF as it with DSPT; then AHAF. */
    public static final List<LeafRow> ROWS = rows();

    private LeafProtocol() {
    }

    private static List<LeafRow> rows() {
        List<LeafRow> rows = new ArrayList<>();
        for (ActivationChoice base : List.of(ActivationChoice.RELU, ActivationChoice.SILU, ActivationChoice.TANH,
                ActivationChoice.SIGMOID)) {
            ActivationChoice leaf = ActivationChoice.parse("leaf:" + base.label());
            rows.add(new LeafRow(base, false));
            rows.add(new LeafRow(leaf, false));
            rows.add(new LeafRow(leaf, true));
        }
        rows.add(new LeafRow(ActivationChoice.AHAF_RELU, false));
        rows.add(new LeafRow(ActivationChoice.AHAF_SILU, false));
        return List.copyOf(rows);
    }

    /** Rows named as {@link LeafRow#parse} reads them, comma-separated. */
    public static List<LeafRow> parseRows(String labels) {
        List<LeafRow> rows = new ArrayList<>();
        for (String label : labels.split(",")) {
            LeafRow row = LeafRow.parse(label.strip());
            if (rows.contains(row)) {
                throw new IllegalArgumentException("row " + row.label() + " is named twice");
            }
            rows.add(row);
        }
        return rows;
    }

    /** The training run of one row. */
    public static TrainingConfig config(Architecture model, LeafRow row, int epochs, long seed) {
        if (model == Architecture.MLP) {
            throw new IllegalArgumentException("the LEAF tables are of lenet5 and kerasnet, not the MLP");
        }
        TrainingConfig.Builder builder = TrainingConfig.builder()
                .architecture(model)
                .hiddenWidths(List.of())
                .dropout(0)
                .activation(row.activation())
                .dspt(row.dspt())
                .optimizer(OptimizerChoice.ADAM)
                .learningRate(LEARNING_RATE)
                .weightDecay(0)
                .schedule(Schedule.NONE)
                .epochs(epochs)
                .batchSize(BATCH_SIZE)
                .seed(seed)
                .augmentation(Augmentation.PER_BATCH)
                .continueOnNonFinite(true);
        if (row.activation().isLeaf()) {
            builder.offsetLearningRate(P24SI_RATE);
        }
        return builder.build();
    }
}
