package org.cmgseg.training.run;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.cmgseg.core.MemoryProbe;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;
import org.cmgseg.training.OfflineEngine;
import org.cmgseg.training.activation.CmgFeatureModulator;
import org.cmgseg.training.data.Batch;
import org.cmgseg.training.data.BatchMaker;
import org.cmgseg.training.data.ChannelStatistics;
import org.cmgseg.training.data.ImageDataset;
import org.cmgseg.training.optim.Optimizer;
import org.cmgseg.training.optim.ParameterGroup;
import org.cmgseg.training.optim.ParameterGroups;

/**
 * One training run on DJL's PyTorch engine (CPU): the network, its optimizer(s), the data and the
 * metrics of the epochs done. Call {@link #trainEpoch} once per epoch; save a checkpoint between
 * epochs with {@link #saveCheckpoint} and continue it, bit for bit, with {@link #resume}.
 *
 * <p>Randomness comes from the seed alone: the initial parameters from the engine seeded with it,
 * each epoch's shuffling, augmentation and dropout from a seed derived from it and the epoch index.
 * That is what makes a resumed run identical to an uninterrupted one.
 *
 * <p>Each mini-batch runs one stage per optimizer: forward, backward, finiteness checks, step. There
 * is one optimizer over all parameter groups, or with DSPT two: the activation parameters' first,
 * then the network weights' on a second forward and backward pass.
 */
public final class TrainingRun implements AutoCloseable {

    /** Settings (as {@link TrainingConfig#describe} names them) a resumed run may change. */
    private static final Set<String> ADJUSTABLE_ON_RESUME = Set.of("lr", "p24", "epochs");
    /** How often the heap is sampled: an epoch takes seconds, and a sampler waking every few ms would cost CPU for hours. */
    private static final long MEMORY_SAMPLE_MILLIS = 50;

    private final TrainingConfig config;
    private final ImageDataset data;
    private final NDManager manager;
    private final Classifier classifier;
    private final List<Optimizer> optimizers = new ArrayList<>();
    private final BatchMaker trainBatches;
    private final BatchMaker testBatches;
    private final List<EpochMetrics> history = new ArrayList<>();
    private final MemoryProbe memory;
    private final Optional<ModulatorParameters> initialModulator;

    public TrainingRun(TrainingConfig config, ImageDataset data) {
        OfflineEngine.configure();
        this.config = config;
        this.data = data;
        Engine engine = Engine.getInstance();
        engine.setRandomSeed(epochSeed(-1));
        manager = NDManager.newBaseManager();
        SequentialBlock network = config.network(data.classes()).build();
        network.initialize(manager, DataType.FLOAT32, new Shape(1, data.train().channels(), data.train().height(),
                data.train().width()));
        List<Parameter> parameters = new ArrayList<>(network.getParameters().values());
        classifier = new Classifier(network, new ParameterStore(manager, false), parameters);
        List<ParameterGroup> groups = ParameterGroups.of(network, config.learningRate(), config.weightDecay(),
                config.offsetLearningRate());
        if (config.dspt()) {
            optimizers.add(config.optimizer().create(groups.stream().filter(g -> g.kind() != ParameterGroup.Kind.NETWORK).toList()));
            optimizers.add(config.optimizer().create(groups.stream().filter(g -> g.kind() == ParameterGroup.Kind.NETWORK).toList()));
        } else {
            optimizers.add(config.optimizer().create(groups));
        }
        ChannelStatistics statistics = ChannelStatistics.of(data.train());
        trainBatches = new BatchMaker(data.train(), statistics);
        testBatches = new BatchMaker(data.test(), statistics);
        initialModulator = modulatorParameters();
        memory = MemoryProbe.start(MEMORY_SAMPLE_MILLIS);
    }

    /**
     * A run that continues from a checkpoint written by {@link #saveCheckpoint} for the same data and
     * configuration; only the learning rates and the number of epochs may differ (to recover from a
     * diverging run, or to train longer). With none different, the run continues bit for bit.
     */
    public static TrainingRun resume(TrainingConfig config, ImageDataset data, InputStream checkpoint) throws IOException {
        TrainingRun run = new TrainingRun(config, data);
        try {
            CheckpointFormat.read(checkpoint, run.settings(), ADJUSTABLE_ON_RESUME, run.classifier.network().getParameters(),
                    run.optimizers, run.history);
        } catch (IOException | RuntimeException e) {
            run.close();
            throw e;
        }
        return run;
    }

    public void saveCheckpoint(OutputStream out) throws IOException {
        CheckpointFormat.write(out, settings(), classifier.network().getParameters(), optimizers, history);
    }

    /** What a checkpoint must agree on: the configuration and the data. */
    private Map<String, String> settings() {
        Map<String, String> settings = config.describe();
        settings.put("data", data.name() + " " + data.train().size() + "/" + data.test().size());
        return settings;
    }

    public TrainingConfig config() {
        return config;
    }

    public List<EpochMetrics> history() {
        return Collections.unmodifiableList(history);
    }

    public int completedEpochs() {
        return history.size();
    }

    public boolean finished() {
        return history.size() >= config.epochs();
    }

    public Block network() {
        return classifier.network();
    }

    /** The optimizers: one, or with DSPT the activation parameters' and then the network weights'. */
    public List<Optimizer> optimizers() {
        return Collections.unmodifiableList(optimizers);
    }

    /** The CMG input feature modulator's mu and I now, if the network has one. */
    public Optional<ModulatorParameters> modulatorParameters() {
        for (Block child : classifier.network().getChildren().values()) {
            if (child instanceof CmgFeatureModulator modulator) {
                return Optional.of(ModulatorParameters.of(modulator));
            }
        }
        return Optional.empty();
    }

    /** The modulator's mu and I as initialised from the seed. */
    public Optional<ModulatorParameters> initialModulatorParameters() {
        return initialModulator;
    }

    /**
     * Trains the next epoch and evaluates on the test set, reporting the mini-batches done as task
     * "epoch E/EPOCHS" and stopping after the current one with {@link org.cmgseg.core.Cancelled} once the
     * context is cancelled (the state is then mid-epoch, as below).
     *
     * @throws NonFiniteLossException if a loss is not finite and the run was not told to continue;
     *         the state is then mid-epoch, and only a checkpoint from before it is good
     */
    public EpochMetrics trainEpoch(RunContext context, TrainingListener listener) {
        int epoch = history.size();
        if (epoch >= config.epochs()) {
            throw new IllegalStateException("all " + config.epochs() + " epochs are done");
        }
        long start = System.nanoTime();
        long seed = epochSeed(epoch);
        Engine.getInstance().setRandomSeed((int) seed);
        Random random = new Random(seed);
        int[] order = permutation(data.train().size(), random);
        double multiplier = config.schedule().multiplier(epoch, config.epochs());
        int batches = (order.length + config.batchSize() - 1) / config.batchSize();
        listener.epochStarted(epoch + 1, batches);
        Task task = context.task("epoch " + (epoch + 1) + "/" + config.epochs(), batches);
        NonFiniteCounts counts = new NonFiniteCounts();
        double lossSum = 0;
        int lossCount = 0;
        for (int b = 0; b < batches; b++) {
            int from = b * config.batchSize();
            Batch batch = trainBatches.make(order, from, Math.min(order.length, from + config.batchSize()), random,
                    config.augmentation());
            float loss;
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                loss = trainBatch(batch, multiplier, counts, epoch + 1, b + 1);
            }
            if (Float.isFinite(loss)) {
                lossSum += loss * batch.count();
                lossCount += batch.count();
            }
            listener.batchFinished(b + 1, loss);
            task.advance(1);
        }
        double trainSeconds = (System.nanoTime() - start) * 1e-9;
        boolean parametersFinite;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            parametersFinite = classifier.parametersFinite();
        }
        if (!parametersFinite) {
            counts.parameter++;
        }
        Evaluation evaluation = Evaluation.of(classifier, testBatches, config.batchSize(), manager);
        double best = Math.max(evaluation.top1(), history.isEmpty() ? 0 : history.get(history.size() - 1).bestTop1());
        double aae = (history.stream().mapToDouble(EpochMetrics::testTop1).sum() + evaluation.top1()) / (epoch + 1);
        EpochMetrics metrics = new EpochMetrics(epoch + 1, multiplier, lossCount > 0 ? lossSum / lossCount : Double.NaN,
                evaluation.loss(), evaluation.top1(), evaluation.topK(), best, aae, counts.loss, counts.gradient,
                counts.parameter, trainSeconds, (System.nanoTime() - start) * 1e-9, memory.peakHeapBytes(),
                memory.peakResidentBytes());
        history.add(metrics);
        return metrics;
    }

    /** Whether every parameter is finite now: a checkpoint is only worth keeping then. */
    public boolean parametersFinite() {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            return classifier.parametersFinite();
        }
    }

    /** One mini-batch: one stage per optimizer. Returns the loss of the first stage (before any update). */
    private float trainBatch(Batch batch, double multiplier, NonFiniteCounts counts, int epoch, int batchNumber) {
        NDArray images = BatchArrays.images(manager, batch);
        NDArray labels = BatchArrays.labels(manager, batch);
        float first = Float.NaN;
        for (int stage = 0; stage < optimizers.size(); stage++) {
            float loss = trainStage(stage, images, labels, multiplier, counts);
            if (stage == 0) {
                first = loss;
            }
            if (!Float.isFinite(loss)) {
                if (!config.continueOnNonFinite()) {
                    throw new NonFiniteLossException(epoch, batchNumber, loss, history.size());
                }
                break;
            }
        }
        return first;
    }

    /**
     * Forward and backward pass, then a step of optimizer {@code stage} unless the loss or a
     * gradient is not finite (such events are counted). Returns the loss.
     */
    float trainStage(int stage, NDArray images, NDArray labels, double multiplier, NonFiniteCounts counts) {
        float loss = classifier.forwardBackward(images, labels);
        if (!Float.isFinite(loss)) {
            counts.loss++;
        } else if (!classifier.gradientsFinite()) {
            counts.gradient++;
        } else {
            optimizers.get(stage).step(multiplier);
        }
        return loss;
    }

    private int epochSeed(int epoch) {
        long mixed = (config.seed() + 0x9E3779B97F4A7C15L * (epoch + 2)) * 0xBF58476D1CE4E5B9L;
        return (int) (mixed ^ (mixed >>> 31));
    }

    /** 0..n-1 shuffled by {@code random} (Fisher-Yates), or in order when it is null. */
    private static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (random != null) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }
        return order;
    }

    @Override
    public void close() {
        memory.close();
        manager.close();
    }
}
