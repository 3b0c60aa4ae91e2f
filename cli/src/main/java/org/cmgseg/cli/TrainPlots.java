package org.cmgseg.cli;

import org.cmgseg.affinities.io.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.cmgseg.training.run.EpochMetrics;
import org.cmgseg.training.run.ModulatorParameters;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The PNGs of a training run: learning curves, and the distribution of an input modulator's (mu, I). */
final class TrainPlots {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    private TrainPlots() {
    }

    /** Two panels: training and test loss, test top-1 and top-5 accuracy, per epoch. */
    static void curves(List<EpochMetrics> history, Path png) throws IOException {
        double[] epochs = history.stream().mapToDouble(EpochMetrics::epoch).toArray();
        XYChart loss = chart("Loss", "epoch", "cross-entropy");
        line(loss, "train", epochs, history.stream().mapToDouble(EpochMetrics::trainLoss).toArray());
        line(loss, "test", epochs, history.stream().mapToDouble(EpochMetrics::testLoss).toArray());
        XYChart accuracy = chart("Test accuracy", "epoch", "%");
        line(accuracy, "top-1", epochs, history.stream().mapToDouble(m -> 100 * m.testTop1()).toArray());
        line(accuracy, "top-5", epochs, history.stream().mapToDouble(m -> 100 * m.testTopK()).toArray());
        line(accuracy, "AAE", epochs, history.stream().mapToDouble(m -> 100 * m.aae()).toArray());
        accuracy.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        write(png, loss, accuracy);
    }

    /** One panel: test top-1 accuracy per epoch of several runs, one line each. */
    static void accuracies(String title, Map<String, double[]> curves, Path png) throws IOException {
        XYChart chart = chart(title, "epoch", "test top-1 accuracy (%)");
        curves.forEach((name, accuracy) -> line(chart, name, IntStream.rangeClosed(1, accuracy.length).asDoubleStream().toArray(),
                accuracy));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        write(png, chart);
    }

    /**
     * Two panels: (mu, I) of every input feature as initialised and as learned; and each learned
     * value against its initial one, where distance from the diagonal is what training changed.
     */
    static void modulator(ModulatorParameters initial, ModulatorParameters learned, int epochs, Path png) throws IOException {
        String after = "after " + epochs + " epoch" + (epochs == 1 ? "" : "s");
        XYChart distribution = unitSquare(chart("CMG input feature modulator: " + initial.mu().length + " features", "mu", "I"));
        points(distribution, "initial", initial.mu(), initial.inflection(), new Color(170, 170, 170));
        points(distribution, after, learned.mu(), learned.inflection(), new Color(31, 119, 180));
        XYChart change = unitSquare(chart("Learned against initial", "initial", after));
        change.addSeries("no change", new double[] {0, 1}, new double[] {0, 1}).setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY);
        points(change, "mu", initial.mu(), learned.mu(), new Color(31, 119, 180));
        points(change, "I", initial.inflection(), learned.inflection(), new Color(255, 127, 14));
        change.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        write(png, distribution, change);
    }

    private static XYChart unitSquare(XYChart chart) {
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0).setMarkerSize(3);
        return chart;
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setAntiAlias(true).setLegendPosition(Styler.LegendPosition.InsideNE);
        return chart;
    }

    /** A line, with a marker per epoch while there are few enough to tell apart. */
    private static void line(XYChart chart, String name, double[] x, double[] y) {
        chart.addSeries(name, x, y).setMarker(x.length <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    }

    private static void points(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(color);
    }

    private static void write(Path png, XYChart... charts) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH * charts.length, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < charts.length; i++) {
            g.drawImage(BitmapEncoder.getBufferedImage(charts[i]), i * WIDTH, 0, null);
        }
        g.dispose();
        AtomicFiles.write(png, temporary -> ImageIO.write(image, "png", temporary.toFile()));
    }
}
