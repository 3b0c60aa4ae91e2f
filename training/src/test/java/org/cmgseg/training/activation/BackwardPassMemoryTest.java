package org.cmgseg.training.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Gradients do not depend on what the process does with memory between the forward and the backward pass.
 * They did: the backward pass read numbers (the 2 of the CMG activation's 2u) from Java buffers that had
 * been released after the forward pass, so after a garbage collection it read whatever was allocated there
 * next. Training a {@code reproduce leaf} cmg row after reading another row's checkpoint changed when
 * collections happened, and so the row's accuracy.
 */
class BackwardPassMemoryTest {

    /** Every small native block a collection frees is handed out again, filled with 1000. */
    private static void reuseReleasedMemory(List<ByteBuffer> held) {
        System.gc();
        try {
            Thread.sleep(200); // the reference handler frees the collected buffers' memory
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (int i = 0; i < 20_000; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
            buffer.putFloat(0, 1000f).putFloat(4, 1000f);
            held.add(buffer);
        }
    }

    private static void assertSameGradients(Supplier<Block> block, Shape shape, Map<String, double[]> parameters) {
        double[] input = RandomInputs.gaussian(Math.toIntExact(shape.size()), 2, new Random(5));
        try (BlockProbe probe = new BlockProbe(block.get(), shape, input, 5)) {
            parameters.forEach(probe::set);
            Map<String, double[]> undisturbed = probe.gradients();
            List<ByteBuffer> held = new ArrayList<>();
            Map<String, double[]> disturbed = probe.gradients(() -> reuseReleasedMemory(held));
            for (Map.Entry<String, double[]> gradient : undisturbed.entrySet()) {
                assertArrayEquals(gradient.getValue(), disturbed.get(gradient.getKey()), block.get() + " " + gradient.getKey());
            }
        }
    }

    @Test
    void cmgActivationInBothPhases() {
        // mu 0.3, 0.5, 0.7, 0.9 by channel: logistic and logit phases together
        assertSameGradients(CmgActivation::new, new Shape(3, 4, 2, 2), Map.of(
                "mu_logit", new double[] {-0.847, 0, 0.847, 2.197},
                "inflection_logit", new double[] {0.4, -1, 0, 1.5}));
    }

    @Test
    void cmgFeatureModulator() {
        assertSameGradients(CmgFeatureModulator::new, new Shape(6, 4), Map.of());
    }

    @Test
    void molu() {
        assertSameGradients(MoLUBlock::new, new Shape(6, 4), Map.of());
    }

    @Test
    void silu() {
        assertSameGradients(ActivationChoice.SILU::newBlock, new Shape(6, 4), Map.of());
    }
}
