package org.cmgseg.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.cmgseg.training.activation.ActivationChoice;
import org.cmgseg.training.activation.CmgFeatureModulator;
import org.cmgseg.training.activation.LeafBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The three networks: output shapes on CIFAR- and MNIST-sized inputs, the activation at every hidden layer, the IFM first. */
class ArchitectureTest {

    @ParameterizedTest
    @CsvSource({"mlp, 2", "lenet5, 4", "kerasnet, 5"})
    void everyHiddenLayerUsesTheChosenActivation(String name, int hiddenLayers) {
        Architecture architecture = Architecture.parse(name);
        for (long[] input : new long[][] {{2, 3, 32, 32}, {2, 1, 28, 28}}) {
            try (NDManager manager = NDManager.newBaseManager()) {
                SequentialBlock network = new NetworkSpec(architecture, ActivationChoice.LEAF_TANH, true, List.of(16, 8), 0.3, 7).build();
                network.initialize(manager, DataType.FLOAT32, new Shape(input));
                NDArray x = manager.randomNormal(new Shape(input));
                NDArray logits = network.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
                assertEquals(new Shape(2, 7), logits.getShape(), name);
                List<Block> blocks = new ArrayList<>();
                collect(network, blocks);
                assertEquals(hiddenLayers, blocks.stream().filter(b -> b instanceof LeafBlock).count(), name);
                assertInstanceOf(CmgFeatureModulator.class, network.getChildren().get(0).getValue(), "IFM first");
                LeafBlock first = (LeafBlock) blocks.stream().filter(b -> b instanceof LeafBlock).findFirst().orElseThrow();
                // LEAF parameters per activation element: per neuron after a dense layer, per (C, H, W) after a convolution
                Shape expected = architecture == Architecture.MLP ? new Shape(16) : new Shape(architecture == Architecture.LENET5 ? 6 : 32, input[2], input[3]);
                assertEquals(expected, first.getParameters().get(0).getValue().getArray().getShape(), name);
            }
        }
    }

    private static void collect(Block block, List<Block> into) {
        into.add(block);
        for (Block child : block.getChildren().values()) {
            collect(child, into);
        }
    }

    @Test
    void unknownModelsListTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Architecture.parse("resnet"));
        assertTrue(e.getMessage().contains("mlp, lenet5, kerasnet"), e.getMessage());
    }
}
