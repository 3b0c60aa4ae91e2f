package org.cmgseg.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.cli.Main;
import org.junit.jupiter.api.Test;

/**
 * Esc in ImageJ itself while Segment Affinities runs on the 64 x 256 x 256 demo volume: a second macro, started as a
 * menu command in its own thread while the first one runs the plugin, presses Esc with the macro language's
 * {@code setKeyDown("esc")} (ImageJ's Esc flag, as the key sets it; it aborts the interpreter started before the
 * second macro, not the first, so the first goes on to count the images).
 */
class CancelInImageJIT {

    /** A second after the plugin starts: well inside a run that takes several seconds, and after its Esc flag is reset. */
    private static final String PRESS_ESCAPE = """
            wait(1000);
            setKeyDown("esc");
            """;

    @Test
    void escapeStopsSegmentAffinitiesLeavingNoImageAndNoDataset() throws Exception {
        ImageJRun imagej = ImageJRun.install(Path.of("target/imagej-cancel").toAbsolutePath());
        Path data = Files.createDirectories(imagej.home().resolve("data"));
        Files.writeString(imagej.home().resolve("ij/plugins/Press_Escape_Later.ijm"), PRESS_ESCAPE);
        assertEquals(0, Main.commandLine().execute("synthesize", "--output", data.resolve("demo.n5") + ":/volume", "--size", "64,256,256"));
        String macro = """
                dir = getArgument();
                run("Open Volume...", "address=[" + dir + "/demo.n5:/volume/affinities]");
                print("opened " + getTitle());
                doCommand("Press Escape Later");
                run("Segment Affinities...", "thresholds=0.1,0.3,0.5,0.7,0.9 output=[" + dir + "/demo.n5:/fiji]");
                print("images after Esc: " + nImages);
                """;
        ImageJRun.Result result = imagej.run(macro, data.toString(), Duration.ofMinutes(3), output -> false);
        String output = result.output();
        assertTrue(output.contains("opened "), output);
        List<String> lines = output.lines().filter(line -> !line.startsWith("opened ")).toList();
        assertEquals(List.of("Segment Affinities: cancelled (Esc); nothing was kept"),
                lines.stream().filter(line -> line.contains("cancel")).toList(), "one line reports the cancellation: " + output);
        assertTrue(result.ended() && output.contains("images after Esc: 1"), "the affinities only: " + output);
        assertFalse(output.contains("\tat ") || output.contains("Exception"), output);
        try (var container = Containers.openForWriting(data.resolve("demo.n5"), Format.N5)) {
            assertFalse(container.exists("/fiji"), "no output dataset or group");
        }
    }
}
