package org.cmgseg.training.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cmgseg.training.activation.ActivationChoice;
import org.cmgseg.training.optim.OptimizerChoice;
import org.junit.jupiter.api.Test;

/** Settings that make no sense are refused with a message that says why. */
class TrainingConfigTest {

    @Test
    void dsptNeedsActivationParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.builder().activation(ActivationChoice.TANH).dspt(true).build());
        assertTrue(e.getMessage().contains("tanh has none"), e.getMessage());
        TrainingConfig.builder().activation(ActivationChoice.TANH).inputModulator(true).dspt(true).build();
    }

    @Test
    void p24siNeedsLeaf() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.builder().activation(ActivationChoice.LAU).offsetLearningRate(1e-6).build());
        assertTrue(e.getMessage().contains("leaf:*"), e.getMessage());
    }

    @Test
    void theLearningRateDefaultsToTheOptimizers() {
        assertEquals(1e-4, TrainingConfig.builder().optimizer(OptimizerChoice.RMSPROP).build().learningRate());
        assertEquals(0.01, TrainingConfig.builder().build().learningRate());
    }

    @Test
    void badNumbersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().epochs(0).build());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().batchSize(0).build());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().learningRate(Double.NaN).build());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().weightDecay(-1).build());
    }
}
