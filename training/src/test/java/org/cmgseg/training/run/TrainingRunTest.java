package org.cmgseg.training.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.cmgseg.core.RunContext;
import org.cmgseg.training.activation.ActivationChoice;
import org.cmgseg.training.data.Batch;
import org.cmgseg.training.data.BatchMaker;
import org.cmgseg.training.data.ChannelStatistics;
import org.cmgseg.training.optim.OptimizerChoice;
import org.junit.jupiter.api.Test;

/** Training runs on a tiny synthetic set: learning, repeatability, exact resumption, DSPT, non-finite losses. */
class TrainingRunTest {

    private static List<float[]> parameters(TrainingRun run) {
        List<float[]> values = new ArrayList<>();
        for (Parameter p : run.network().getParameters().values()) {
            values.add(p.getArray().toFloatArray());
        }
        return values;
    }

    private static List<float[]> values(List<Parameter> parameters) {
        List<float[]> values = new ArrayList<>();
        for (Parameter p : parameters) {
            values.add(p.getArray().toFloatArray());
        }
        return values;
    }

    private static void assertSame(List<float[]> expected, List<float[]> actual, String what) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), what + ", parameter " + i);
        }
    }

    private static boolean anyChanged(List<float[]> before, List<float[]> after) {
        for (int i = 0; i < before.size(); i++) {
            if (!java.util.Arrays.equals(before.get(i), after.get(i))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void twoEpochsBringTheLossBelowItsStart() {
        double[] firstLoss = {Double.NaN};
        TrainingListener firstBatch = new TrainingListener() {
            @Override
            public void epochStarted(int epoch, int batches) {
            }

            @Override
            public void batchFinished(int batch, double loss) {
                if (Double.isNaN(firstLoss[0])) {
                    firstLoss[0] = loss;
                }
            }
        };
        try (TrainingRun run = new TrainingRun(TinyRuns.config().build(), TinyRuns.DATA)) {
            EpochMetrics first = run.trainEpoch(RunContext.sequential(), firstBatch);
            EpochMetrics second = run.trainEpoch(RunContext.sequential(), firstBatch);
            assertTrue(run.finished());
            assertTrue(second.trainLoss() < 0.8 * firstLoss[0], "loss " + firstLoss[0] + " -> " + second.trainLoss());
            assertTrue(second.testTop1() > 0.25, "better than chance (4 classes): " + second.testTop1());
            assertEquals(Math.max(first.testTop1(), second.testTop1()), second.bestTop1());
            assertEquals((first.testTop1() + second.testTop1()) / 2, second.aae(), 1e-15);
            assertEquals(1.0, second.testTopK(), "top-5 of 4 classes");
            assertEquals(0, first.nonFiniteEvents() + second.nonFiniteEvents());
            assertTrue(second.peakHeapBytes() > 0 && second.trainSeconds() > 0);
        }
    }

    @Test
    void theSeedMakesRunsRepeatable() {
        List<List<float[]>> results = new ArrayList<>();
        for (long seed : new long[] {5, 5, 6}) {
            try (TrainingRun run = new TrainingRun(TinyRuns.config().seed(seed).epochs(1).build(), TinyRuns.DATA)) {
                run.trainEpoch(RunContext.sequential(), TrainingListener.NONE);
                results.add(parameters(run));
            }
        }
        assertSame(results.get(0), results.get(1), "same seed");
        assertTrue(anyChanged(results.get(0), results.get(2)), "another seed gives another run");
    }

    @Test
    void aResumedRunContinuesBitForBit() throws IOException {
        // everything that carries state or randomness: IFM, LEAF, dropout, augmentation, Adam's moments, a schedule
        TrainingConfig config = TinyRuns.config().epochs(3).inputModulator(true).activation(ActivationChoice.LEAF_TANH)
                .dropout(0.3).augment(true).optimizer(OptimizerChoice.ADAM).build();
        List<float[]> straight;
        List<EpochMetrics> straightHistory;
        try (TrainingRun run = new TrainingRun(config, TinyRuns.DATA)) {
            while (!run.finished()) {
                run.trainEpoch(RunContext.sequential(), TrainingListener.NONE);
            }
            straight = parameters(run);
            straightHistory = run.history();
        }
        ByteArrayOutputStream checkpoint = new ByteArrayOutputStream();
        try (TrainingRun run = new TrainingRun(config, TinyRuns.DATA)) {
            run.trainEpoch(RunContext.sequential(), TrainingListener.NONE);
            run.saveCheckpoint(checkpoint);
        }
        try (TrainingRun run = TrainingRun.resume(config, TinyRuns.DATA, new ByteArrayInputStream(checkpoint.toByteArray()))) {
            assertEquals(1, run.completedEpochs());
            while (!run.finished()) {
                run.trainEpoch(RunContext.sequential(), TrainingListener.NONE);
            }
            assertSame(straight, parameters(run), "resumed after epoch 1");
            for (int e = 0; e < 3; e++) {
                assertEquals(straightHistory.get(e).trainLoss(), run.history().get(e).trainLoss(), "train loss, epoch " + (e + 1));
                assertEquals(straightHistory.get(e).testTop1(), run.history().get(e).testTop1(), "accuracy, epoch " + (e + 1));
            }
        }
    }

    @Test
    void aCheckpointOfOtherSettingsIsRefusedButRatesAndEpochsMayChange() throws IOException {
        ByteArrayOutputStream checkpoint = new ByteArrayOutputStream();
        try (TrainingRun run = new TrainingRun(TinyRuns.config().build(), TinyRuns.DATA)) {
            run.trainEpoch(RunContext.sequential(), TrainingListener.NONE);
            run.saveCheckpoint(checkpoint);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingRun.resume(
                TinyRuns.config().optimizer(OptimizerChoice.ADAM).build(), TinyRuns.DATA,
                new ByteArrayInputStream(checkpoint.toByteArray())));
        assertTrue(e.getMessage().contains("optimizer sgd (now adam)"), e.getMessage());
        try (TrainingRun run = TrainingRun.resume(TinyRuns.config().learningRate(0.001).epochs(3).build(), TinyRuns.DATA,
                new ByteArrayInputStream(checkpoint.toByteArray()))) {
            assertEquals(1, run.completedEpochs());
            assertFalse(run.finished());
        }
    }

    @Test
    void dsptStepsActivationParametersFirstAndNetworkWeightsSecond() {
        TrainingConfig config = TinyRuns.config().activation(ActivationChoice.LEAF_TANH).inputModulator(true).dspt(true).build();
        try (TrainingRun run = new TrainingRun(config, TinyRuns.DATA)) {
            assertEquals(2, run.optimizers().size());
            List<Parameter> activation = run.optimizers().get(0).groups().stream().flatMap(g -> g.parameters().stream()).toList();
            List<Parameter> network = run.optimizers().get(1).groups().stream().flatMap(g -> g.parameters().stream()).toList();
            assertEquals(2 + 4, activation.size(), "IFM mu, I and LEAF p1..p4");
            assertEquals(4, network.size(), "two dense layers' weights and biases");
            Batch batch = new BatchMaker(TinyRuns.DATA.train(), ChannelStatistics.of(TinyRuns.DATA.train()))
                    .make(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, 0, 16, null);
            try (NDManager manager = NDManager.newBaseManager(); NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray images = BatchArrays.images(manager, batch);
                NDArray labels = BatchArrays.labels(manager, batch);
                NonFiniteCounts counts = new NonFiniteCounts();
                List<float[]> activationBefore = values(activation);
                List<float[]> networkBefore = values(network);
                run.trainStage(0, images, labels, 1, counts);
                List<float[]> activationMiddle = values(activation);
                assertTrue(anyChanged(activationBefore, activationMiddle), "stage 1 moves the activation parameters");
                assertSame(networkBefore, values(network), "stage 1 leaves the network weights");
                run.trainStage(1, images, labels, 1, counts);
                assertTrue(anyChanged(networkBefore, values(network)), "stage 2 moves the network weights");
                assertSame(activationMiddle, values(activation), "stage 2 leaves the activation parameters");
                assertEquals(0, counts.loss + counts.gradient);
            }
        }
    }

    @Test
    void aNonFiniteLossStopsTheRun() {
        TrainingConfig config = TinyRuns.config().learningRate(1e30).build();
        try (TrainingRun run = new TrainingRun(config, TinyRuns.DATA)) {
            NonFiniteLossException e = assertThrows(NonFiniteLossException.class, () -> run.trainEpoch(RunContext.sequential(), TrainingListener.NONE));
            assertEquals(1, e.epoch());
            assertEquals(0, e.completedEpochs());
            assertTrue(e.getMessage().contains("epoch 1, mini-batch"), e.getMessage());
            assertEquals(0, run.completedEpochs());
        }
    }

    @Test
    void withContinueOnNonFiniteTheEventsAreCountedAndSkipped() {
        TrainingConfig config = TinyRuns.config().learningRate(1e30).continueOnNonFinite(true).epochs(1).build();
        try (TrainingRun run = new TrainingRun(config, TinyRuns.DATA)) {
            EpochMetrics metrics = run.trainEpoch(RunContext.sequential(), TrainingListener.NONE);
            assertTrue(metrics.nonFiniteLoss() > 0, metrics.toString());
            assertEquals(metrics.nonFiniteParameter() == 1, !run.parametersFinite());
            assertTrue(metrics.nonFiniteEvents() > 0);
        }
    }

    @Test
    void theInputModulatorLearns() {
        TrainingConfig config = TinyRuns.config().inputModulator(true).epochs(1).build();
        try (TrainingRun run = new TrainingRun(config, TinyRuns.DATA)) {
            ModulatorParameters initial = run.initialModulatorParameters().orElseThrow();
            assertEquals(64, initial.mu().length);
            run.trainEpoch(RunContext.sequential(), TrainingListener.NONE);
            ModulatorParameters trained = run.modulatorParameters().orElseThrow();
            assertFalse(java.util.Arrays.equals(initial.mu(), trained.mu()));
            assertNotEquals(java.util.Arrays.toString(initial.inflection()), java.util.Arrays.toString(trained.inflection()));
        }
        try (TrainingRun run = new TrainingRun(TinyRuns.config().build(), TinyRuns.DATA)) {
            assertTrue(run.modulatorParameters().isEmpty());
        }
    }
}
