package org.cmgseg.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.cmgseg.affinities.io.AtomicFiles;
import org.cmgseg.segmentation.gridsearch.GridCurve;
import org.cmgseg.segmentation.gridsearch.GridResults;
import org.cmgseg.segmentation.gridsearch.GridRow;
import org.cmgseg.segmentation.gridsearch.GridSpec;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plots of a grid search: the best CREMI score (over merge functions and thresholds) of every
 * (mu, I) as a heat map and as lines over mu, one per I (the CMG paper's Figure 5B), each with the
 * baseline; and the score over the threshold, one line per merge function, for the best CMG curve
 * and for the baseline.
 */
final class GridSearchPlots {

    static final List<String> FILES = List.of("cremi-heatmap.png", "cremi-vs-mu.png", "cremi-vs-threshold.png");

    private static final int WIDTH = 720;
    private static final int HEIGHT = 560;
    private static final Color BETTER = new Color(0x1a9850);
    private static final Color WORSE = new Color(0xfee08b);

    private GridSearchPlots() {
    }

    static void write(GridResults results, Path folder) throws IOException {
        double baseline = results.best(GridCurve.BASELINE).scores().cremiScore();
        save(List.of(heatMap(results, baseline)), folder.resolve(FILES.get(0)));
        save(List.of(byMu(results, baseline)), folder.resolve(FILES.get(1)));
        GridRow bestCmg = results.best().cmg();
        save(List.of(byThreshold(results, bestCmg.curve()), byThreshold(results, GridCurve.BASELINE)), folder.resolve(FILES.get(2)));
    }

    private static HeatMapChart heatMap(GridResults results, double baseline) {
        GridSpec spec = results.spec();
        double[] mus = spec.mus();
        double[] inflections = spec.inflections();
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT)
                .title(String.format(Locale.ROOT, "best CREMI score per (mu, I); baseline %.4f", baseline)).xAxisTitle("I")
                .yAxisTitle("mu").build();
        List<Number[]> cells = new ArrayList<>();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int m = 0; m < mus.length; m++) {
            for (int i = 0; i < inflections.length; i++) {
                double score = results.best(new GridCurve(mus[m], inflections[i])).scores().cremiScore();
                cells.add(new Number[] {i, m, score});
                low = Math.min(low, score);
                high = Math.max(high, score);
            }
        }
        chart.addSeries("best CREMI score", labels(inflections), labels(mus), cells);
        HeatMapStyler styler = chart.getStyler();
        // the legend prints its ends in full, so they are rounded outwards to the 4 decimals of the cells
        styler.setRangeColors(new Color[] {BETTER, WORSE}).setMin(Math.floor(low * 1e4) / 1e4).setMax(Math.ceil(high * 1e4) / 1e4)
                .setShowValue(mus.length * inflections.length <= 400).setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9))
                .setHeatMapValueDecimalPattern("0.0000");
        styler.setChartBackgroundColor(Color.WHITE);
        return chart;
    }

    private static XYChart byMu(GridResults results, double baseline) {
        GridSpec spec = results.spec();
        double[] mus = spec.mus();
        XYChart chart = xyChart("best CREMI score over mu, one line per I", "mu");
        for (double inflection : spec.inflections()) {
            double[] scores = new double[mus.length];
            for (int m = 0; m < mus.length; m++) {
                scores[m] = results.best(new GridCurve(mus[m], inflection)).scores().cremiScore();
            }
            chart.addSeries("I = " + CFormat.shortest(inflection), mus, scores);
        }
        addBaseline(chart, mus, baseline);
        return chart;
    }

    private static XYChart byThreshold(GridResults results, GridCurve curve) {
        double[] thresholds = results.spec().thresholds();
        String name = curve.isBaseline() ? "baseline" : "best CMG curve, mu = " + CFormat.shortest(curve.mu()) + ", I = "
                + CFormat.shortest(curve.inflection());
        XYChart chart = xyChart("CREMI score over the threshold: " + name, "threshold");
        for (String function : results.spec().mergeFunctions()) {
            double[] scores = results.rows(curve, function).stream().mapToDouble(row -> row.scores().cremiScore()).toArray();
            chart.addSeries(function, thresholds, scores);
        }
        return chart;
    }

    private static XYChart xyChart(String title, String xAxis) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xAxis).yAxisTitle("CREMI score").build();
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setAntiAlias(true);
        styler.setXAxisDecimalPattern("0.##");
        styler.setYAxisDecimalPattern("0.####");
        return chart;
    }

    private static void addBaseline(XYChart chart, double[] x, double baseline) {
        double[] level = new double[x.length];
        Arrays.fill(level, baseline);
        XYSeries series = chart.addSeries("baseline", x, level);
        series.setMarker(SeriesMarkers.NONE).setLineColor(Color.BLACK)
                .setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
    }

    private static List<String> labels(double[] values) {
        List<String> labels = new ArrayList<>();
        for (double v : values) {
            labels.add(CFormat.shortest(v));
        }
        return labels;
    }

    /** Panels side by side in one PNG, written atomically. */
    private static void save(List<? extends Chart<?, ?>> panels, Path png) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH * panels.size(), HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int p = 0; p < panels.size(); p++) {
            g.drawImage(BitmapEncoder.getBufferedImage(panels.get(p)), p * WIDTH, 0, null);
        }
        g.dispose();
        AtomicFiles.write(png, temporary -> ImageIO.write(image, "png", temporary.toFile()));
    }
}
