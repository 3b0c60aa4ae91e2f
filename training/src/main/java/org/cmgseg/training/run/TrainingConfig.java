package org.cmgseg.training.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.cmgseg.training.activation.ActivationChoice;
import org.cmgseg.training.data.Augmentation;
import org.cmgseg.training.model.Architecture;
import org.cmgseg.training.model.NetworkSpec;
import org.cmgseg.training.optim.OptimizerChoice;
import org.cmgseg.training.optim.Schedule;

/**
 * Everything that determines a training run. {@code offsetLearningRate} is the P24SI rate of LEAF's
 * p2 and p4; DSPT steps activation parameters and network weights in two stages per mini-batch.
 */
public record TrainingConfig(Architecture architecture, ActivationChoice activation, boolean inputModulator,
        List<Integer> hiddenWidths, double dropout, OptimizerChoice optimizer, double learningRate, double weightDecay,
        Schedule schedule, boolean dspt, OptionalDouble offsetLearningRate, int epochs, int batchSize, long seed,
        Augmentation augmentation, boolean continueOnNonFinite) {

    public TrainingConfig {
        hiddenWidths = List.copyOf(hiddenWidths);
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        if (!(weightDecay >= 0 && Double.isFinite(weightDecay))) {
            throw new IllegalArgumentException("weight decay must be a number >= 0, got " + weightDecay);
        }
        if (offsetLearningRate.isPresent()) {
            double rate = offsetLearningRate.getAsDouble();
            if (!activation.isLeaf()) {
                throw new IllegalArgumentException("the P24SI learning rate applies to LEAF's p2 and p4: choose a leaf:* activation");
            }
            if (!(rate >= 0 && Double.isFinite(rate))) {
                throw new IllegalArgumentException("the P24SI learning rate must be a number >= 0, got " + rate);
            }
        }
        if (dspt && !activation.isLearnable() && !inputModulator) {
            throw new IllegalArgumentException("DSPT steps activation parameters separately, but " + activation.label()
                    + " has none: choose leaf:*, lau or the CMG input feature modulator");
        }
    }

    /** The defaults of the command line: MLP 1024-512 with ReLU, dropout 0.3, SGD, supra-linear schedule, 10 epochs. */
    public static Builder builder() {
        return new Builder();
    }

    public NetworkSpec network(int classes) {
        return new NetworkSpec(architecture, activation, inputModulator, hiddenWidths, dropout, classes);
    }

    /** The settings as names and values, in a fixed order: for reports, and to check that a checkpoint fits. */
    public Map<String, String> describe() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("model", architecture.label());
        settings.put("activation", activation.label());
        settings.put("ifm", inputModulator ? "cmg" : "none");
        if (architecture == Architecture.MLP) {
            settings.put("hidden", hiddenWidths.toString());
            settings.put("dropout", Double.toString(dropout));
        }
        settings.put("optimizer", optimizer.label());
        settings.put("lr", Double.toString(learningRate));
        settings.put("weight-decay", Double.toString(weightDecay));
        settings.put("schedule", schedule.label());
        settings.put("dspt", Boolean.toString(dspt));
        settings.put("p24", offsetLearningRate.isPresent() ? Double.toString(offsetLearningRate.getAsDouble()) : "none");
        settings.put("epochs", Integer.toString(epochs));
        settings.put("batch-size", Integer.toString(batchSize));
        settings.put("seed", Long.toString(seed));
        // "true" and "false" as before per-batch augmentation existed, so that older checkpoints still fit
        settings.put("augment", switch (augmentation) {
            case NONE -> "false";
            case PER_IMAGE -> "true";
            case PER_BATCH -> "per-batch";
        });
        return settings;
    }

    /** Builds a configuration from the defaults; every setter overrides one. */
    public static final class Builder {
        private Architecture architecture = Architecture.MLP;
        private ActivationChoice activation = ActivationChoice.RELU;
        private boolean inputModulator;
        private List<Integer> hiddenWidths = List.of(1024, 512);
        private double dropout = 0.3;
        private OptimizerChoice optimizer = OptimizerChoice.SGD;
        private Double learningRate;
        private double weightDecay = 5e-4;
        private Schedule schedule = Schedule.SUPRALINEAR;
        private boolean dspt;
        private OptionalDouble offsetLearningRate = OptionalDouble.empty();
        private int epochs = 10;
        private int batchSize = 128;
        private long seed;
        private Augmentation augmentation = Augmentation.NONE;
        private boolean continueOnNonFinite;

        public Builder architecture(Architecture value) {
            architecture = value;
            return this;
        }

        public Builder activation(ActivationChoice value) {
            activation = value;
            return this;
        }

        public Builder inputModulator(boolean value) {
            inputModulator = value;
            return this;
        }

        public Builder hiddenWidths(List<Integer> value) {
            hiddenWidths = value;
            return this;
        }

        public Builder dropout(double value) {
            dropout = value;
            return this;
        }

        public Builder optimizer(OptimizerChoice value) {
            optimizer = value;
            return this;
        }

        /** Without it, the optimizer's default rate. */
        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        public Builder weightDecay(double value) {
            weightDecay = value;
            return this;
        }

        public Builder schedule(Schedule value) {
            schedule = value;
            return this;
        }

        public Builder dspt(boolean value) {
            dspt = value;
            return this;
        }

        public Builder offsetLearningRate(double value) {
            offsetLearningRate = OptionalDouble.of(value);
            return this;
        }

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** Augmentation image by image, or none. */
        public Builder augment(boolean value) {
            return augmentation(value ? Augmentation.PER_IMAGE : Augmentation.NONE);
        }

        public Builder augmentation(Augmentation value) {
            augmentation = value;
            return this;
        }

        public Builder continueOnNonFinite(boolean value) {
            continueOnNonFinite = value;
            return this;
        }

        public TrainingConfig build() {
            return new TrainingConfig(architecture, activation, inputModulator, hiddenWidths, dropout, optimizer,
                    learningRate != null ? learningRate : optimizer.defaultLearningRate(), weightDecay, schedule, dspt,
                    offsetLearningRate, epochs, batchSize, seed, augmentation, continueOnNonFinite);
        }
    }
}
