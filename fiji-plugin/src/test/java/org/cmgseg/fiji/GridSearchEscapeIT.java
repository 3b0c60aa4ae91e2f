package org.cmgseg.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cmgseg.cli.Main;
import org.junit.jupiter.api.Test;

/**
 * Esc in ImageJ itself during a Grid Search into a run folder, once a curve is in its results.csv ({@link EscapeLater}
 * watches the file): the finished curves stay in the folder, one line says so, and the same search started again
 * resumes them, computing only the others.
 */
class GridSearchEscapeIT {

    /** 9 curves and the baseline, one merge function and threshold each. */
    private static final int CURVES = 10;

    @Test
    void escapeKeepsTheFinishedCurvesAndTheSameSearchResumesThem() throws Exception {
        ImageJRun imagej = ImageJRun.install(Path.of("target/imagej-cancel-grid").toAbsolutePath());
        Path data = Files.createDirectories(imagej.home().resolve("data"));
        Path run = imagej.home().resolve("grid-run");
        imagej.addClasses("cmgseg-test-escape.jar", EscapeLater.class);
        assertEquals(0, Main.commandLine().execute("synthesize", "--output", data.resolve("demo.n5") + ":/volume", "--size", "64,256,256"));
        String search = """
                dir = getArgument();
                run("Open Volume...", "address=[" + dir + "/demo.n5:/volume/affinities]");
                affinities = getTitle();
                run("Open Volume...", "address=[" + dir + "/demo.n5:/volume/labels]");
                truth = getTitle();
                ESCAPE
                run("Grid Search...", "affinities=[" + affinities + "] ground=[" + truth + "] mu=0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9 "
                        + "inflection=0.3 merge=median_aff thresholds=0.5 run=[FOLDER]");
                print("images after the search: " + nImages);
                """.replace("FOLDER", run.toString());

        String escapeAfterACurve = "call(\"org.cmgseg.fiji.EscapeLater.whenLines\", \"" + run.resolve("results.csv") + "\", \"2\");";
        ImageJRun.Result cancelled = imagej.run(search.replace("ESCAPE", escapeAfterACurve), data.toString(), Duration.ofMinutes(4),
                output -> false);
        String output = cancelled.output();
        assertEquals(List.of("Grid Search: cancelled (Esc); the curves finished so far are kept in " + run + ", to be resumed"),
                output.lines().filter(line -> line.startsWith("Grid Search:")).toList(), "one line reports the cancellation: " + output);
        assertTrue(cancelled.ended() && output.contains("images after the search: 2"), "the two volumes only: " + output);
        List<String> kept = Files.readAllLines(run.resolve("results.csv"));
        int done = kept.size() - 1;
        assertTrue(done >= 1 && done < CURVES, "some curves, not all: " + kept);
        assertFalse(Files.exists(run.resolve("best.json")), "written at the end only");

        ImageJRun.Result resumed = imagej.run(search.replace("ESCAPE", ""), data.toString(), Duration.ofMinutes(4), again -> false);
        assertTrue(resumed.ended() && resumed.exitCode() == 0, resumed.output());
        assertTrue(resumed.output().contains("Grid Search: " + run + ": " + done + " of " + CURVES + " curves resumed, " + (CURVES - done)
                + " computed"), resumed.output());
        List<String> rows = Files.readAllLines(run.resolve("results.csv"));
        assertEquals(CURVES + 1, rows.size(), "every curve once: " + rows);
        assertTrue(rows.containsAll(kept), "the curves kept at the Esc are rows of the whole run");
        assertFalse((output + resumed.output()).contains("\tat ") || (output + resumed.output()).contains("Exception"));
    }
}
