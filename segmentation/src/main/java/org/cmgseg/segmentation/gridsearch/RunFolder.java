package org.cmgseg.segmentation.gridsearch;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cmgseg.affinities.io.AtomicFiles;
import org.cmgseg.affinities.io.JsonFiles;

/**
 * The folder of a grid search run: {@code gridsearch.json} (the inputs, the grid, and a summary of
 * the fragments and volumes they gave), {@code results.csv} (every completed curve's rows, appended
 * in one write per curve), and at the end {@code best.json}. A run of the same parameters in the same
 * folder resumes: the rows of complete curves are kept, anything after them (a curve cut off by the
 * interruption) is dropped.
 */
final class RunFolder implements GridSink {

    private static final String PARAMETERS = GridSearch.PARAMETERS_FILE;
    private static final String RESULTS = GridSearch.RESULTS_FILE;
    private static final String BEST = GridSearch.BEST_FILE;

    private final Path folder;
    private final GridSpec spec;
    /** The inputs and the grid, as they read back from JSON. */
    private final JsonObject parameters;

    /** {@code inputs}: what identifies the inputs (their addresses, or the fingerprints of volumes in memory). */
    RunFolder(Path folder, JsonObject inputs, GridSpec spec) {
        this.folder = folder;
        this.spec = spec;
        JsonObject json = new JsonObject();
        json.add("inputs", inputs);
        json.add("grid", spec.toJson());
        this.parameters = JsonParser.parseString(json.toString()).getAsJsonObject();
    }

    /** Before any work: fails unless the folder is new, or holds a run of the same parameters. */
    void checkParameters() throws IOException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("the output " + folder + " is a file, not a folder");
        }
        Path file = folder.resolve(PARAMETERS);
        if (!Files.exists(file)) {
            if (Files.exists(folder.resolve(RESULTS))) {
                throw new IllegalArgumentException(folder + " holds a " + RESULTS + " but no " + PARAMETERS
                        + ", so it cannot be resumed; choose another output folder");
            }
            return;
        }
        JsonObject stored = JsonFiles.read(file);
        List<String> differences = new ArrayList<>();
        for (String section : List.of("inputs", "grid")) {
            JsonObject now = parameters.getAsJsonObject(section);
            JsonElement then = stored.get(section);
            for (String key : now.keySet()) {
                JsonElement old = then != null && then.isJsonObject() ? then.getAsJsonObject().get(key) : null;
                if (!now.get(key).equals(old)) {
                    differences.add(key + " " + old + " there, " + now.get(key) + " now");
                }
            }
        }
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException(file + " is a run with other parameters (" + String.join("; ", differences)
                    + "); resume it with the same parameters, or choose another output folder");
        }
    }

    /**
     * Records the summary of what the inputs gave (or, resuming, checks it), and returns the rows of
     * the curves already complete, leaving results.csv with exactly those.
     */
    @Override
    public Map<GridCurve, List<GridRow>> start(GridSummary summary) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(PARAMETERS);
        JsonElement summaryAsRead = JsonParser.parseString(summary.toJson().toString());
        if (Files.exists(file)) {
            JsonElement stored = JsonFiles.read(file).get("summary");
            if (!summaryAsRead.equals(stored)) {
                throw new IllegalArgumentException("the inputs have changed since " + file + " was written (" + stored + " then, "
                        + summaryAsRead + " now); choose another output folder");
            }
        } else {
            JsonObject json = parameters.deepCopy();
            json.add("summary", summaryAsRead);
            JsonFiles.write(file, json);
        }
        Map<GridCurve, List<GridRow>> done = completedCurves();
        List<GridRow> kept = new ArrayList<>();
        done.values().forEach(kept::addAll);
        writeResults(kept);
        return done;
    }

    /** Appends the curve's rows to results.csv in one write. */
    @Override
    public synchronized void curveDone(List<GridRow> rows) throws IOException {
        Files.write(folder.resolve(RESULTS), ResultsCsv.lines(rows).getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    }

    /** Rewrites results.csv in grid order and writes best.json, each atomically. */
    @Override
    public void finish(GridResults results) throws IOException {
        writeResults(results.rows());
        JsonFiles.write(folder.resolve(BEST), results.best().toJson());
    }

    private void writeResults(List<GridRow> rows) throws IOException {
        byte[] content = (ResultsCsv.HEADER + "\n" + ResultsCsv.lines(rows)).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(folder.resolve(RESULTS), temporary -> Files.write(temporary, content));
    }

    /** The rows of every curve that results.csv holds completely. */
    private Map<GridCurve, List<GridRow>> completedCurves() throws IOException {
        Path file = folder.resolve(RESULTS);
        if (!Files.exists(file)) {
            return Map.of();
        }
        String text = Files.readString(file);
        int end = text.lastIndexOf('\n');
        // a last line without its newline is a write the interruption cut off
        String[] lines = end < 0 ? new String[0] : text.substring(0, end).split("\n", -1);
        if (lines.length == 0) {
            return Map.of();
        }
        if (!lines[0].equals(ResultsCsv.HEADER)) {
            throw new IllegalArgumentException(file + " is not a grid search results file: its first line is not the header "
                    + ResultsCsv.HEADER);
        }
        Set<GridCurve> curves = new HashSet<>(spec.curves());
        Map<GridCurve, List<GridRow>> rows = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            GridRow row;
            try {
                row = ResultsCsv.parse(lines[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage());
            }
            if (!curves.contains(row.curve()) || !spec.mergeFunctions().contains(row.mergeFunction())
                    || !row.queue().equals(spec.queue().name())) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " is not a cell of the grid of " + PARAMETERS);
            }
            rows.computeIfAbsent(row.curve(), c -> new ArrayList<>()).add(row);
        }
        rows.values().removeIf(curveRows -> !complete(curveRows));
        return rows;
    }

    /** Whether a curve's rows are every merge function and threshold, in grid order. */
    private boolean complete(List<GridRow> rows) {
        double[] thresholds = spec.thresholds();
        if (rows.size() != spec.rowsPerCurve()) {
            return false;
        }
        for (int k = 0; k < rows.size(); k++) {
            GridRow row = rows.get(k);
            if (!row.mergeFunction().equals(spec.mergeFunctions().get(k / thresholds.length))
                    || row.threshold() != thresholds[k % thresholds.length]) {
                return false;
            }
        }
        return true;
    }
}
