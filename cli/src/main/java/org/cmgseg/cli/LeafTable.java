package org.cmgseg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cmgseg.affinities.io.AtomicFiles;
import org.cmgseg.training.reproduce.LeafRow;
import org.cmgseg.training.run.EpochMetrics;

/**
 * A LEAF-paper table as reproduced: per row the best test accuracy over the epochs and the first epoch that
 * reached it, and the non-finite events. Only what the training determines goes in, no times, so that the same
 * command gives the same files bit for bit.
 */
final class LeafTable {

    static final List<String> FILES = List.of("table.csv", "table.md", "accuracy.png");

    private final String title;
    private final Map<LeafRow, List<EpochMetrics>> rows;

    LeafTable(String title, Map<LeafRow, List<EpochMetrics>> rows) {
        this.title = title;
        this.rows = new LinkedHashMap<>(rows);
    }

    void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        AtomicFiles.write(folder.resolve("table.csv"), temporary -> Files.writeString(temporary, csv()));
        AtomicFiles.write(folder.resolve("table.md"), temporary -> Files.writeString(temporary, markdown()));
        Map<String, double[]> curves = new LinkedHashMap<>();
        rows.forEach((row, history) -> curves.put(row.label(), history.stream().mapToDouble(m -> 100 * m.testTop1()).toArray()));
        TrainPlots.accuracies("Test accuracy: " + title, curves, folder.resolve("accuracy.png"));
    }

    String csv() {
        StringBuilder csv = new StringBuilder("row,activation,dspt,epochs,best_top1,best_epoch,last_top1,nonfinite_events\n");
        rows.forEach((row, history) -> {
            EpochMetrics best = best(history);
            csv.append(String.join(",", row.label(), row.activation().label(), Boolean.toString(row.dspt()),
                    Integer.toString(history.size()), CFormat.shortest(best.testTop1()), Integer.toString(best.epoch()),
                    CFormat.shortest(history.get(history.size() - 1).testTop1()), Integer.toString(events(history))))
                    .append('\n');
        });
        return csv.toString();
    }

    String markdown() {
        StringBuilder md = new StringBuilder("| " + title + " | best test accuracy (%) | epoch | epochs | non-finite events |\n")
                .append("|---|---:|---:|---:|---:|\n");
        rows.forEach((row, history) -> {
            EpochMetrics best = best(history);
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %d | %d | %d |%n", row.label(), 100 * best.testTop1(),
                    best.epoch(), history.size(), events(history)));
        });
        return md.toString();
    }

    /** The first epoch with the highest test accuracy. */
    private static EpochMetrics best(List<EpochMetrics> history) {
        EpochMetrics best = history.get(0);
        for (EpochMetrics m : history) {
            if (m.testTop1() > best.testTop1()) {
                best = m;
            }
        }
        return best;
    }

    private static int events(List<EpochMetrics> history) {
        return history.stream().mapToInt(EpochMetrics::nonFiniteEvents).sum();
    }
}
