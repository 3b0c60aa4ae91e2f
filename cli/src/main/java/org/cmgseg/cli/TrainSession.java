package org.cmgseg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.cmgseg.core.RunContext;
import org.cmgseg.training.OfflineEngine;
import org.cmgseg.training.activation.ActivationChoice;
import org.cmgseg.training.data.DataSource;
import org.cmgseg.training.data.ImageDataset;
import org.cmgseg.training.model.Architecture;
import org.cmgseg.training.optim.OptimizerChoice;
import org.cmgseg.training.optim.Schedule;
import org.cmgseg.training.run.EpochMetrics;
import org.cmgseg.training.run.NonFiniteLossException;
import org.cmgseg.training.run.TrainingConfig;
import org.cmgseg.training.run.TrainingListener;
import org.cmgseg.training.run.TrainingRun;

/** One {@code cmgseg train}: the options turned into a run, the epochs with progress, the results written as they come. */
final class TrainSession {

    private TrainSession() {
    }

    /** Runs the command; bad options and data throw (user errors), a non-finite loss ends it with exit code 2. */
    static int run(TrainCommand options, PrintWriter out, PrintWriter err) throws IOException {
        TrainingConfig config = config(options);
        ImageDataset data = DataSource.load(options.data);
        Files.createDirectories(options.output);
        OfflineEngine.configure();
        TrainOutputs outputs = new TrainOutputs(options.output);
        if (options.overwrite) {
            outputs.removeEarlierRun();
        }
        try (TrainingRun run = start(config, data, outputs.checkpoint(), options.resume);
                ProgressBars progress = new ProgressBars(err)) {
            RunContext context = RunningCommand.start(1, progress);
            while (!run.finished()) {
                try {
                    epoch(run, context, outputs, data, out, "");
                } catch (NonFiniteLossException e) {
                    outputs.writePlots(run);
                    err.println("train: " + e.getMessage() + "; " + (e.completedEpochs() > 0
                            ? outputs.checkpoint() + " holds the last good state (epoch " + e.completedEpochs() + ")"
                            : "no epoch finished, so there is no checkpoint")
                            + ". Rerun with a lower --lr (and --resume to continue from the checkpoint), or skip such "
                            + "mini-batches with --continue-on-nan");
                    return Main.USER_ERROR;
                }
            }
            outputs.writePlots(run);
            Main.println(out, summary(run));
            for (Path written : outputs.written(run)) {
                Main.println(out, "wrote " + written.toAbsolutePath());
            }
        }
        return 0;
    }

    /**
     * Trains the next epoch, prints its line (after {@code prefix}), then writes the checkpoint (if every
     * parameter is finite) and the metrics.
     */
    static EpochMetrics epoch(TrainingRun run, RunContext context, TrainOutputs outputs, ImageDataset data,
            PrintWriter out, String prefix) throws IOException {
        EpochMetrics metrics = run.trainEpoch(context, TrainingListener.NONE);
        Main.println(out, prefix + epochLine(metrics, run.config().epochs()));
        if (run.parametersFinite()) {
            outputs.writeCheckpoint(run);
        } else {
            Main.println(out, "  some parameters are not finite: " + outputs.checkpoint().getFileName()
                    + " keeps the last good state");
        }
        outputs.writeMetrics(run, data);
        return metrics;
    }

    private static TrainingConfig config(TrainCommand o) {
        Architecture architecture = Architecture.parse(o.model);
        if (architecture != Architecture.MLP && (o.hidden != null || o.dropout != null)) {
            throw new IllegalArgumentException("--hidden and --dropout apply to the MLP; " + o.model + " has fixed layers");
        }
        TrainingConfig.Builder builder = TrainingConfig.builder()
                .architecture(architecture)
                .activation(ActivationChoice.parse(o.activation))
                .inputModulator(switch (o.ifm) {
                    case "cmg" -> true;
                    case "none" -> false;
                    default -> throw new IllegalArgumentException("unknown --ifm '" + o.ifm + "'; known: cmg, none");
                })
                .optimizer(OptimizerChoice.parse(o.optimizer))
                .weightDecay(o.weightDecay)
                .schedule(Schedule.parse(o.schedule))
                .dspt(o.dspt)
                .epochs(o.epochs)
                .batchSize(o.batchSize)
                .seed(o.seed)
                .augment(o.augment)
                .continueOnNonFinite(o.continueOnNan);
        if (architecture != Architecture.MLP) {
            builder.hiddenWidths(List.of()).dropout(0);
        }
        if (o.hidden != null) {
            builder.hiddenWidths(o.hidden);
        }
        if (o.dropout != null) {
            builder.dropout(o.dropout);
        }
        if (o.learningRate != null) {
            builder.learningRate(o.learningRate);
        }
        if (o.p24 != null) {
            builder.offsetLearningRate(o.p24);
        }
        return builder.build();
    }

    static TrainingRun start(TrainingConfig config, ImageDataset data, Path checkpoint, boolean resume) throws IOException {
        if (!resume) {
            return new TrainingRun(config, data);
        }
        if (!Files.isRegularFile(checkpoint)) {
            throw new NoSuchFileException(checkpoint.toString(), null, "no checkpoint to resume from");
        }
        try (InputStream in = Files.newInputStream(checkpoint)) {
            return TrainingRun.resume(config, data, in);
        } catch (IOException e) {
            throw new IOException(checkpoint + ": " + e.getMessage(), e);
        }
    }


    private static String epochLine(EpochMetrics m, int epochs) {
        return String.format(Locale.ROOT, "epoch %d/%d  loss %.4f  test top-1 %.2f %%  top-5 %.2f %%  best %.2f %%  AAE %.2f %%  "
                + "non-finite %d  %.2f s", m.epoch(), epochs, m.trainLoss(), 100 * m.testTop1(), 100 * m.testTopK(),
                100 * m.bestTop1(), 100 * m.aae(), m.nonFiniteEvents(), m.seconds());
    }

    static String summary(TrainingRun run) {
        List<EpochMetrics> history = run.history();
        EpochMetrics last = history.get(history.size() - 1);
        int events = history.stream().mapToInt(EpochMetrics::nonFiniteEvents).sum();
        double trainSeconds = history.stream().mapToDouble(EpochMetrics::trainSeconds).average().orElse(Double.NaN);
        return String.format(Locale.ROOT, "best test top-1 %.2f %%, AAE %.2f %%, %d non-finite events, %.3f s of training per epoch",
                100 * last.bestTop1(), 100 * last.aae(), events, trainSeconds);
    }
}
