package org.cmgseg.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.cmgseg.cli.Main;
import org.junit.jupiter.api.Test;

/**
 * Screenshots of every command's dialog and of the result windows, as ImageJ shows them: ImageJ not in batch mode
 * under xvfb-run, a macro that starts each command without options ({@code doCommand}, so its dialog opens) and has
 * {@link DialogCapture} save the window once it shows and cancel the dialog; saved into target/screenshots (a few are
 * copied into docs/fiji/ for the README).
 */
class DialogScreenshotsIT {

    /** Every window captured: the file name and what it shows. */
    private static final List<String> SCREENSHOTS = List.of("dialog-open-volume.png", "dialog-segment-affinities.png",
            "dialog-transform-affinities.png", "dialog-curve-explorer.png", "window-curve-explorer-curve.png",
            "window-curve-explorer-histogram.png", "window-segmentation.png", "dialog-evaluate.png", "window-cremi-scores.png",
            "window-cremi-objects.png", "dialog-grid-search.png", "window-grid-search-heat-map.png", "window-grid-search-plot.png",
            "dialog-save-segmentation.png");

    private static final String MACRO = """
            dir = getArgument();
            shots = dir + "/screenshots/";
            function capture(title, name) {
                call("org.cmgseg.fiji.DialogCapture.capture", title, shots + name, "60000");
            }
            doCommand("Open Volume...");
            capture("Open Volume", "dialog-open-volume.png");
            run("Open Volume...", "address=[" + dir + "/sample.n5:/volume/affinities]");
            // titles without this machine's folders, for the README
            rename("sample.n5:/volume/affinities");
            affinities = getTitle();
            doCommand("Segment Affinities...");
            capture("Segment Affinities", "dialog-segment-affinities.png");
            doCommand("Transform Affinities (CMG)...");
            capture("Transform Affinities (CMG)", "dialog-transform-affinities.png");
            doCommand("CMG Curve Explorer");
            capture("CMG Curve Explorer", "dialog-curve-explorer.png");
            capture("CMG curve", "window-curve-explorer-curve.png");
            capture("CMG histogram", "window-curve-explorer-histogram.png");
            selectImage(affinities);
            run("Segment Affinities...", "fragments=waterz merge=median_aff_histograms queue=bins:256 thresholds=0.5 output=[]");
            segmentation = getTitle();
            setSlice(nSlices / 2);
            capture(segmentation, "window-segmentation.png");
            run("Open Volume...", "address=[" + dir + "/sample.n5:/volume/labels]");
            rename("sample.n5:/volume/labels");
            truth = getTitle();
            doCommand("Evaluate against Ground Truth (CREMI)...");
            capture("Evaluate against Ground Truth (CREMI)", "dialog-evaluate.png");
            run("Evaluate against Ground Truth (CREMI)...", "segmentation=[" + segmentation + "] ground=[" + truth + "] border=25");
            capture("CREMI scores", "window-cremi-scores.png");
            capture("CREMI objects", "window-cremi-objects.png");
            doCommand("Grid Search...");
            capture("Grid Search", "dialog-grid-search.png");
            run("Grid Search...", "affinities=[" + affinities + "] ground=[" + truth + "] mu=0.3,0.6 inflection=0.3,0.6 "
                    + "merge=median_aff,max_10 thresholds=0.3,0.5,0.7");
            heatMap = "";
            for (i = 1; i <= nImages; i++) { selectImage(i); if (startsWith(getTitle(), "CREMI heat map")) heatMap = getTitle(); }
            capture(heatMap, "window-grid-search-heat-map.png");
            capture("CREMI vs threshold", "window-grid-search-plot.png");
            selectImage(segmentation);
            doCommand("Save Segmentation...");
            capture("Save Segmentation", "dialog-save-segmentation.png");
            call("org.cmgseg.fiji.DialogCapture.say", "screenshots done");
            """;

    @Test
    void everyDialogAndResultWindowIsSavedAsItShows() throws Exception {
        ImageJRun imagej = ImageJRun.install(Path.of("target/imagej-screenshots").toAbsolutePath());
        imagej.addClasses("cmgseg-test-capture.jar", DialogCapture.class);
        Path data = Files.createDirectories(imagej.home().resolve("data"));
        assertEquals(0, Main.commandLine().execute("synthesize", "--output", data.resolve("sample.n5") + ":/volume", "--size", "16,128,128"));
        ImageJRun.Result result = imagej.runShowingWindows(MACRO, data.toString(), Duration.ofMinutes(4),
                output -> output.contains("screenshots done"));
        String output = result.output();
        assertTrue(output.contains("screenshots done"), output);
        Path kept = Files.createDirectories(Path.of("target/screenshots"));
        for (String name : SCREENSHOTS) {
            Path png = data.resolve("screenshots").resolve(name);
            assertTrue(Files.isRegularFile(png), name + " was not captured: " + output);
            BufferedImage image = ImageIO.read(png.toFile());
            assertTrue(image.getWidth() >= 100 && image.getHeight() >= 60, name + " is " + image.getWidth() + "x" + image.getHeight());
            // a dialog's AWT widgets and unsmoothed text take 6 to 8 colours; a blank capture has one
            assertTrue(colours(image).size() >= 5 && mostCommon(image) <= 0.95, name + " looks blank: " + colours(image).size()
                    + " colours, the most common covering " + mostCommon(image));
            Files.copy(png, kept.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        assertTrue(!output.contains("\tat ") && !output.contains("Exception"), output);
    }

    /** The number of pixels of each colour. */
    private static Map<Integer, Integer> colours(BufferedImage image) {
        Map<Integer, Integer> colours = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.merge(image.getRGB(x, y), 1, Integer::sum);
            }
        }
        return colours;
    }

    /** The fraction of the pixels that have the most common colour. */
    private static double mostCommon(BufferedImage image) {
        return (double) Collections.max(colours(image).values()) / (image.getWidth() * image.getHeight());
    }
}
