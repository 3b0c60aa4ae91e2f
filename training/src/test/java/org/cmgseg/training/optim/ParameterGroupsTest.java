package org.cmgseg.training.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.cmgseg.training.activation.ActivationChoice;
import org.cmgseg.training.model.Architecture;
import org.cmgseg.training.model.NetworkSpec;
import org.cmgseg.training.optim.ParameterGroup.Kind;
import org.junit.jupiter.api.Test;

/** Which parameters get which learning rate and weight decay: P24SI, and no decay on activation parameters. */
class ParameterGroupsTest {

    private static List<ParameterGroup> groups(OptionalDouble p24) {
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock network = new NetworkSpec(Architecture.MLP, ActivationChoice.LEAF_TANH, true, List.of(8, 6), 0, 3).build();
            network.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 4, 4));
            return ParameterGroups.of(network, 0.01, 5e-4, p24);
        }
    }

    private static List<String> names(ParameterGroup group) {
        return group.parameters().stream().map(Parameter::getName).sorted().collect(Collectors.toList());
    }

    @Test
    void p24siGivesLeafOffsetsTheirOwnRate() {
        List<ParameterGroup> groups = groups(OptionalDouble.of(1e-6));
        assertEquals(List.of(Kind.NETWORK, Kind.ACTIVATION, Kind.LEAF_OFFSETS), groups.stream().map(ParameterGroup::kind).toList());
        ParameterGroup network = groups.get(0);
        assertEquals(List.of("bias", "bias", "bias", "weight", "weight", "weight"), names(network));
        assertEquals(0.01, network.learningRate());
        assertEquals(5e-4, network.weightDecay());
        ParameterGroup activation = groups.get(1);
        assertEquals(List.of("inflection_logit", "mu_logit", "p1", "p1", "p3", "p3"), names(activation));
        assertEquals(0.01, activation.learningRate());
        assertEquals(0, activation.weightDecay());
        ParameterGroup offsets = groups.get(2);
        assertEquals(List.of("p2", "p2", "p4", "p4"), names(offsets));
        assertEquals(1e-6, offsets.learningRate());
        assertEquals(0, offsets.weightDecay());
    }

    @Test
    void withoutP24siAllActivationParametersShareTheBaseRate() {
        List<ParameterGroup> groups = groups(OptionalDouble.empty());
        assertEquals(2, groups.size());
        assertEquals(10, groups.get(1).parameters().size());
        assertEquals(0, groups.get(1).weightDecay());
    }
}
