package org.cmgseg.training.reproduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cmgseg.core.RunContext;
import org.cmgseg.testkit.IdxFiles;
import org.cmgseg.training.activation.ActivationChoice;
import org.cmgseg.training.data.Augmentation;
import org.cmgseg.training.data.DataSource;
import org.cmgseg.training.data.ImageDataset;
import org.cmgseg.training.data.SyntheticImages;
import org.cmgseg.training.model.Architecture;
import org.cmgseg.training.optim.OptimizerChoice;
import org.cmgseg.training.run.EpochMetrics;
import org.cmgseg.training.run.TrainingConfig;
import org.cmgseg.training.run.TrainingListener;
import org.cmgseg.training.run.TrainingRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The LEAF protocol on a few hundred Fashion-MNIST-shaped images written in the idx format by the test: the rows,
 * their settings, the shared starting weights, repeatability, and the CMG activation training without non-finite events.
 */
class LeafProtocolTest {

    @TempDir
    static Path dir;

    static ImageDataset slice;

    /** 10 classes of 28x28 grey images, 320 for training and 160 for testing, read back through the idx reader. */
    @BeforeAll
    static void writeSlice() throws IOException {
        ImageDataset synthetic = SyntheticImages.generate(10, 1, 28, 320, 160, 1.0);
        Path folder = IdxFiles.dataset(dir.resolve("fashion-mnist"), 28, 28, synthetic.train().pixels(),
                synthetic.train().labels(), synthetic.test().pixels(), synthetic.test().labels());
        slice = DataSource.load("fashion-mnist:" + folder);
    }

    @Test
    void theTablesHaveThePapersRows() {
        assertEquals(List.of("relu", "leaf:relu", "leaf:relu+dspt", "silu", "leaf:silu", "leaf:silu+dspt", "tanh", "leaf:tanh",
                "leaf:tanh+dspt", "sigmoid", "leaf:sigmoid", "leaf:sigmoid+dspt", "ahaf:relu", "ahaf:silu"),
                LeafProtocol.ROWS.stream().map(LeafRow::label).toList());
        assertEquals("leaf-tanh-dspt", LeafRow.parse("leaf:tanh+dspt").folderName());
    }

    @Test
    void rowsAreParsedAndCheckedByName() {
        assertEquals(List.of(new LeafRow(ActivationChoice.CMG, true), new LeafRow(ActivationChoice.TANH, false)),
                LeafProtocol.parseRows("cmg+dspt, tanh"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LeafProtocol.parseRows("tanh+dspt")).getMessage()
                .contains("DSPT needs a learnable activation"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LeafProtocol.parseRows("relu,relu")).getMessage()
                .contains("named twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LeafProtocol.parseRows("gelu")).getMessage()
                .contains("known: relu"));
        assertThrows(IllegalArgumentException.class, () -> LeafProtocol.config(Architecture.MLP, LeafProtocol.ROWS.get(0), 1, 42));
    }

    @Test
    void everyRowIsTrainedAsThePaperSays() {
        for (LeafRow row : LeafProtocol.ROWS) {
            TrainingConfig config = LeafProtocol.config(Architecture.LENET5, row, 100, LeafProtocol.SEED);
            assertEquals(OptimizerChoice.ADAM, config.optimizer());
            assertEquals(1e-3, config.learningRate());
            assertEquals(0, config.weightDecay());
            assertEquals(128, config.batchSize());
            assertEquals(42, config.seed());
            assertEquals(100, config.epochs());
            assertEquals(Augmentation.PER_BATCH, config.augmentation());
            assertEquals(row.dspt(), config.dspt());
            assertEquals(row.activation().isLeaf(), config.offsetLearningRate().isPresent(), row.label());
            if (row.activation().isLeaf()) {
                assertEquals(1e-6, config.offsetLearningRate().getAsDouble());
            }
        }
    }

    /** The network weights (convolutions and dense layers) as initialised, by parameter name. */
    private static List<Pair<String, float[]>> networkWeights(TrainingRun run) {
        List<Pair<String, float[]>> weights = new ArrayList<>();
        for (Pair<String, Parameter> p : run.network().getParameters()) {
            if (p.getKey().contains("Conv2d") || p.getKey().contains("Linear")) {
                weights.add(new Pair<>(p.getKey(), p.getValue().getArray().toFloatArray()));
            }
        }
        return weights;
    }

    @ParameterizedTest
    @EnumSource(value = Architecture.class, names = {"LENET5", "KERASNET"})
    void everyRowOfATableStartsFromTheSameWeights(Architecture model) {
        List<Pair<String, float[]>> first = null;
        List<LeafRow> rows = new ArrayList<>(LeafProtocol.ROWS);
        rows.add(new LeafRow(ActivationChoice.CMG, false));
        for (LeafRow row : rows) {
            try (TrainingRun run = new TrainingRun(LeafProtocol.config(model, row, 1, LeafProtocol.SEED), slice)) {
                List<Pair<String, float[]>> weights = networkWeights(run);
                assertEquals(model == Architecture.LENET5 ? 10 : 12, weights.size(), "weights and biases of " + model);
                if (first == null) {
                    first = weights;
                    continue;
                }
                for (int i = 0; i < weights.size(); i++) {
                    assertArrayEquals(first.get(i).getValue(), weights.get(i).getValue(), row.label() + " " + weights.get(i).getKey());
                }
            }
        }
    }

    /** Two epochs of one row's run: its accuracy per epoch, and the final parameters. */
    private static List<Object> trainTwice(LeafRow row) {
        List<Object> results = new ArrayList<>();
        for (int attempt = 0; attempt < 2; attempt++) {
            try (TrainingRun run = new TrainingRun(LeafProtocol.config(Architecture.LENET5, row, 2, LeafProtocol.SEED), slice)) {
                while (!run.finished()) {
                    run.trainEpoch(RunContext.sequential(), TrainingListener.NONE);
                }
                List<Object> result = new ArrayList<>();
                for (EpochMetrics m : run.history()) {
                    result.add(m.trainLoss());
                    result.add(m.testTop1());
                    result.add(m.nonFiniteEvents());
                }
                for (Pair<String, Parameter> p : run.network().getParameters()) {
                    result.add(p.getKey() + java.util.Arrays.toString(p.getValue().getArray().toFloatArray()));
                }
                results.add(result);
            }
        }
        return results;
    }

    @Test
    void theSameRowTrainedTwiceIsTheSameBitForBit() {
        List<Object> runs = trainTwice(LeafRow.parse("leaf:tanh+dspt"));
        assertEquals(runs.get(0), runs.get(1));
    }

    /** A row trained after another row was resumed from its checkpoint, in the same process, as a table's rows are. */
    @Test
    void aRowAfterAResumedRowIsTheSameAsAlone() throws IOException {
        LeafRow cmg = LeafRow.parse("cmg");
        Object alone = trainTwice(cmg).get(0);
        for (int round = 0; round < 3; round++) {
            java.io.ByteArrayOutputStream checkpoint = new java.io.ByteArrayOutputStream();
            TrainingConfig tanh = LeafProtocol.config(Architecture.LENET5, LeafRow.parse("tanh"), 2, LeafProtocol.SEED);
            try (TrainingRun run = new TrainingRun(tanh, slice)) {
                run.trainEpoch(RunContext.sequential(), TrainingListener.NONE);
                run.saveCheckpoint(checkpoint);
            }
            try (TrainingRun run = TrainingRun.resume(tanh, slice, new java.io.ByteArrayInputStream(checkpoint.toByteArray()))) {
                run.trainEpoch(RunContext.sequential(), TrainingListener.NONE);
            }
            System.gc();
            assertEquals(alone, trainTwice(cmg).get(0), "round " + round);
        }
    }

    @Test
    void theCmgActivationTrainsWithoutNonFiniteEvents() {
        try (TrainingRun run = new TrainingRun(LeafProtocol.config(Architecture.LENET5, LeafRow.parse("cmg"), 3, LeafProtocol.SEED),
                slice)) {
            while (!run.finished()) {
                EpochMetrics m = run.trainEpoch(RunContext.sequential(), TrainingListener.NONE);
                assertEquals(0, m.nonFiniteEvents(), "epoch " + m.epoch());
                assertTrue(Double.isFinite(m.trainLoss()));
            }
            List<EpochMetrics> history = run.history();
            assertTrue(history.get(2).trainLoss() < history.get(0).trainLoss(), "it learns: " + history);
            assertTrue(history.get(2).bestTop1() > 0.3, "well above chance (10 classes): " + history.get(2).bestTop1());
            assertFalse(run.network().getParameters().values().stream()
                    .filter(p -> p.getName().equals("mu_logit"))
                    .allMatch(p -> java.util.Arrays.equals(p.getArray().toFloatArray(), new float[Math.toIntExact(p.getArray().size())])),
                    "mu moved from 0.5");
        }
    }
}
