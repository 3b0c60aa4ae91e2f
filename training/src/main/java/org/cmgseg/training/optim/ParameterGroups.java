package org.cmgseg.training.optim;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.cmgseg.training.activation.LeafBlock;
import org.cmgseg.training.activation.LearnableActivation;
import org.cmgseg.training.optim.ParameterGroup.Kind;

/**
 * Sorts a network's parameters into optimizer groups: the network weights get the base rate and
 * the weight decay; activation parameters the base rate and no decay (decay would pull the
 * activation's shape, not its scale, towards zero); LEAF's p2 and p4 the P24SI rate when one is given.
 */
public final class ParameterGroups {

    private ParameterGroups() {
    }

    /** The non-empty groups, network first; {@code offsetRate} is the P24SI learning rate of LEAF's p2 and p4. */
    public static List<ParameterGroup> of(Block network, double learningRate, double weightDecay, OptionalDouble offsetRate) {
        List<Parameter> weights = new ArrayList<>();
        List<Parameter> activation = new ArrayList<>();
        List<Parameter> offsets = new ArrayList<>();
        collect(network, offsetRate.isPresent(), weights, activation, offsets);
        List<ParameterGroup> groups = new ArrayList<>();
        if (!weights.isEmpty()) {
            groups.add(new ParameterGroup(Kind.NETWORK, weights, learningRate, weightDecay));
        }
        if (!activation.isEmpty()) {
            groups.add(new ParameterGroup(Kind.ACTIVATION, activation, learningRate, 0));
        }
        if (!offsets.isEmpty()) {
            groups.add(new ParameterGroup(Kind.LEAF_OFFSETS, offsets, offsetRate.getAsDouble(), 0));
        }
        return groups;
    }

    private static void collect(Block block, boolean separateOffsets, List<Parameter> weights, List<Parameter> activation,
            List<Parameter> offsets) {
        for (Parameter p : block.getDirectParameters().values()) {
            if (separateOffsets && block instanceof LeafBlock leaf && leaf.offsets().contains(p)) {
                offsets.add(p);
            } else if (block instanceof LearnableActivation) {
                activation.add(p);
            } else {
                weights.add(p);
            }
        }
        for (Block child : block.getChildren().values()) {
            collect(child, separateOffsets, weights, activation, offsets);
        }
    }
}
