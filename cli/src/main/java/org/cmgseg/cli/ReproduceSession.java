package org.cmgseg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cmgseg.core.RunContext;
import org.cmgseg.training.EngineThreads;
import org.cmgseg.training.data.DataSource;
import org.cmgseg.training.data.ImageDataset;
import org.cmgseg.training.model.Architecture;
import org.cmgseg.training.reproduce.LeafProtocol;
import org.cmgseg.training.reproduce.LeafRow;
import org.cmgseg.training.run.EpochMetrics;
import org.cmgseg.training.run.TrainingConfig;
import org.cmgseg.training.run.TrainingRun;

/**
 * One {@code cmgseg reproduce leaf}: every row of every table in turn, each a training run in its own folder
 * that continues from its checkpoint when there is one (a finished row is only read). The table and its plot
 * are rewritten after every row, so they always show the rows done so far.
 */
final class ReproduceSession {

    private ReproduceSession() {
    }

    static int run(ReproduceLeafCommand options, PrintWriter out, PrintWriter err) throws IOException {
        List<Architecture> models = new ArrayList<>();
        for (String label : options.models.split(",")) {
            models.add(Architecture.parse(label.strip()));
        }
        List<LeafRow> rows = options.rows == null ? LeafProtocol.ROWS : LeafProtocol.parseRows(options.rows);
        for (Architecture model : models) {
            for (LeafRow row : rows) {
                LeafProtocol.config(model, row, options.epochs, options.seed); // every setting checked before any work
            }
        }
        ImageDataset data = DataSource.load(options.data);
        EngineThreads.set(options.threads);
        for (Architecture model : models) {
            Path folder = options.output.resolve(model.label());
            Map<LeafRow, List<EpochMetrics>> results = new LinkedHashMap<>();
            for (LeafRow row : rows) {
                TrainingConfig config = LeafProtocol.config(model, row, options.epochs, options.seed);
                results.put(row, trainRow(config, data, folder.resolve("rows").resolve(row.folderName()),
                        model.label() + " " + row.label() + "  ", out, err));
                LeafTable table = new LeafTable(model.label() + ", " + data.name() + ", seed " + options.seed, results);
                table.write(folder);
            }
            for (String file : LeafTable.FILES) {
                Main.println(out, "wrote " + folder.resolve(file).toAbsolutePath());
            }
        }
        return 0;
    }

    /** Trains one row to its last epoch, from its checkpoint if it has one; returns its epochs' metrics. */
    private static List<EpochMetrics> trainRow(TrainingConfig config, ImageDataset data, Path folder, String prefix,
            PrintWriter out, PrintWriter err) throws IOException {
        Files.createDirectories(folder);
        TrainOutputs outputs = new TrainOutputs(folder);
        boolean resume = Files.isRegularFile(outputs.checkpoint());
        try (TrainingRun run = start(config, data, outputs.checkpoint(), resume);
                ProgressBars progress = new ProgressBars(err)) {
            if (resume) {
                Main.println(out, prefix + (run.finished() ? "done" : "continues after epoch " + run.completedEpochs()));
            }
            RunContext context = RunningCommand.start(1, progress);
            boolean trained = false;
            while (!run.finished()) {
                TrainSession.epoch(run, context, outputs, data, out, prefix);
                trained = true;
            }
            if (trained) {
                outputs.writePlots(run);
                Main.println(out, prefix + TrainSession.summary(run));
            }
            return run.history();
        }
    }

    private static TrainingRun start(TrainingConfig config, ImageDataset data, Path checkpoint, boolean resume)
            throws IOException {
        try {
            return TrainSession.start(config, data, checkpoint, resume);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(checkpoint + ": " + e.getMessage() + "; choose another --output for other settings", e);
        }
    }
}
