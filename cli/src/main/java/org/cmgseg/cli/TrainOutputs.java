package org.cmgseg.cli;

import org.cmgseg.affinities.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.cmgseg.training.data.ImageDataset;
import org.cmgseg.training.run.EpochMetrics;
import org.cmgseg.training.run.ModulatorParameters;
import org.cmgseg.training.run.TrainingRun;

/** The files of a training run, each written under a temporary name and moved into place. */
final class TrainOutputs {

    /** The per-epoch columns of metrics.csv, also the fields of each epoch in metrics.json. */
    private static final List<Map.Entry<String, Function<EpochMetrics, Number>>> COLUMNS = List.of(
            Map.entry("epoch", EpochMetrics::epoch),
            Map.entry("lr_multiplier", EpochMetrics::learningRateMultiplier),
            Map.entry("train_loss", EpochMetrics::trainLoss),
            Map.entry("test_loss", EpochMetrics::testLoss),
            Map.entry("test_top1", EpochMetrics::testTop1),
            Map.entry("test_top5", EpochMetrics::testTopK),
            Map.entry("best_top1", EpochMetrics::bestTop1),
            Map.entry("aae", EpochMetrics::aae),
            Map.entry("nonfinite_loss", EpochMetrics::nonFiniteLoss),
            Map.entry("nonfinite_gradient", EpochMetrics::nonFiniteGradient),
            Map.entry("nonfinite_parameter", EpochMetrics::nonFiniteParameter),
            Map.entry("train_seconds", EpochMetrics::trainSeconds),
            Map.entry("epoch_seconds", EpochMetrics::seconds),
            Map.entry("peak_heap_bytes", EpochMetrics::peakHeapBytes),
            Map.entry("peak_resident_bytes", EpochMetrics::peakResidentBytes));

    private final Path folder;

    TrainOutputs(Path folder) {
        this.folder = folder;
    }

    Path checkpoint() {
        return folder.resolve(TrainCommand.CHECKPOINT);
    }

    void writeCheckpoint(TrainingRun run) throws IOException {
        AtomicFiles.write(checkpoint(), temporary -> {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                run.saveCheckpoint(out);
            }
        });
    }

    void writeMetrics(TrainingRun run, ImageDataset data) throws IOException {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS.stream().map(Map.Entry::getKey).toList())).append('\n');
        List<Object> epochs = Json.array();
        for (EpochMetrics m : run.history()) {
            List<String> cells = new ArrayList<>();
            Json.JsonObject epoch = Json.object();
            for (Map.Entry<String, Function<EpochMetrics, Number>> column : COLUMNS) {
                Number value = column.getValue().apply(m);
                cells.add(value instanceof Double d ? CFormat.repr(d) : value.toString());
                epoch.put(column.getKey(), value);
            }
            csv.append(String.join(",", cells)).append('\n');
            epochs.add(epoch);
        }
        AtomicFiles.write(folder.resolve("metrics.csv"), temporary -> Files.writeString(temporary, csv));
        Json.JsonObject settings = Json.object();
        run.config().describe().forEach(settings::put);
        Json.JsonObject json = Json.object().put("settings", settings).put("data", Json.object()
                        .put("name", data.name()).put("train_images", data.train().size()).put("test_images", data.test().size())
                        .put("classes", data.classes())
                        .put("image_shape", List.of(data.train().channels(), data.train().height(), data.train().width())))
                .put("epochs", epochs).put("summary", summary(run.history()));
        AtomicFiles.write(folder.resolve("metrics.json"), temporary -> Files.writeString(temporary, json + "\n"));
    }

    private static Json.JsonObject summary(List<EpochMetrics> history) {
        EpochMetrics best = history.stream().max(Comparator.comparingDouble(EpochMetrics::testTop1)).orElseThrow();
        return Json.object()
                .put("epochs_done", history.size())
                .put("best_top1", best.testTop1())
                .put("best_epoch", best.epoch())
                .put("aae", history.get(history.size() - 1).aae())
                .put("nonfinite_events", history.stream().mapToInt(EpochMetrics::nonFiniteEvents).sum())
                .put("train_seconds_per_epoch", history.stream().mapToDouble(EpochMetrics::trainSeconds).average().orElse(Double.NaN))
                .put("peak_heap_bytes", history.stream().mapToLong(EpochMetrics::peakHeapBytes).max().orElse(-1))
                .put("peak_resident_bytes", history.stream().mapToLong(EpochMetrics::peakResidentBytes).max().orElse(-1));
    }

    /** The learning curves once an epoch is done, and the learned (mu, I) of an input modulator. */
    void writePlots(TrainingRun run) throws IOException {
        if (!run.history().isEmpty()) {
            TrainPlots.curves(run.history(), folder.resolve("curves.png"));
        }
        Optional<ModulatorParameters> learned = run.modulatorParameters();
        if (learned.isPresent()) {
            ModulatorParameters initial = run.initialModulatorParameters().orElseThrow();
            TrainPlots.modulator(initial, learned.get(), run.completedEpochs(), folder.resolve("ifm-parameters.png"));
            StringBuilder tsv = new StringBuilder("feature\tmu_initial\tinflection_initial\tmu\tinflection\n");
            for (int f = 0; f < initial.mu().length; f++) {
                tsv.append(f).append('\t').append(CFormat.g17(initial.mu()[f])).append('\t')
                        .append(CFormat.g17(initial.inflection()[f])).append('\t').append(CFormat.g17(learned.get().mu()[f]))
                        .append('\t').append(CFormat.g17(learned.get().inflection()[f])).append('\n');
            }
            AtomicFiles.write(folder.resolve("ifm-parameters.tsv"), temporary -> Files.writeString(temporary, tsv));
        }
    }

    List<Path> written(TrainingRun run) {
        List<Path> files = new ArrayList<>(List.of(folder.resolve("metrics.csv"), folder.resolve("metrics.json"),
                folder.resolve("curves.png"), checkpoint()));
        if (run.modulatorParameters().isPresent()) {
            files.add(folder.resolve("ifm-parameters.png"));
            files.add(folder.resolve("ifm-parameters.tsv"));
        }
        return files;
    }

    /** Deletes every file an earlier run may have written here, so that a run started afresh leaves none of them stale. */
    void removeEarlierRun() throws IOException {
        for (String name : List.of("metrics.csv", "metrics.json", "curves.png", TrainCommand.CHECKPOINT, "ifm-parameters.png",
                "ifm-parameters.tsv")) {
            Files.deleteIfExists(folder.resolve(name));
        }
    }
}
