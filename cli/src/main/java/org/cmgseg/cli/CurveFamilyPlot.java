package org.cmgseg.cli;

import org.cmgseg.affinities.io.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.DoubleStream;
import javax.imageio.ImageIO;
import org.cmgseg.cmg.Cmg;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Two panels around one curve, as in Figure 1 of the CMG paper: the curve for several mu at its
 * inflection point I, and for several I at its mu, on its range; the curve itself is drawn in both,
 * black and thick, whether or not its mu and I are among the family's.
 */
final class CurveFamilyPlot {

    private static final double[] MUS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1};
    private static final double[] INFLECTIONS = {0.1, 0.3, 0.5, 0.7, 0.9};
    private static final int POINTS = 801;
    private static final int WIDTH = 640;
    private static final int HEIGHT = 520;
    private static final float LINE_WIDTH = 1.5f;
    private static final float HIGHLIGHT_WIDTH = 4f;

    private CurveFamilyPlot() {
    }

    static void write(Cmg curve, Path png) throws IOException {
        List<XYChart> panels = panels(curve);
        BufferedImage image = new BufferedImage(2 * WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.drawImage(BitmapEncoder.getBufferedImage(panels.get(0)), 0, 0, null);
        g.drawImage(BitmapEncoder.getBufferedImage(panels.get(1)), WIDTH, 0, null);
        g.dispose();
        AtomicFiles.write(png, temporary -> ImageIO.write(image, "png", temporary.toFile()));
    }

    /** The two panels: the family over mu and over I, each with the curve itself among them, highlighted. */
    static List<XYChart> panels(Cmg curve) {
        XYChart byMu = chart("I = " + CFormat.shortest(curve.inflection()) + ", varying mu", curve);
        double[] mus = withRequested(MUS, curve.mu());
        for (int i = 0; i < mus.length; i++) {
            addSeries(byMu, "mu = " + CFormat.shortest(mus[i]), like(curve, mus[i], curve.inflection()),
                    mus[i] == curve.mu() ? null : shade(i, mus.length));
        }
        XYChart byInflection = chart("mu = " + CFormat.shortest(curve.mu()) + ", varying I", curve);
        double[] inflections = withRequested(INFLECTIONS, curve.inflection());
        for (int i = 0; i < inflections.length; i++) {
            addSeries(byInflection, "I = " + CFormat.shortest(inflections[i]), like(curve, curve.mu(), inflections[i]),
                    inflections[i] == curve.inflection() ? null : shade(i, inflections.length));
        }
        return List.of(byMu, byInflection);
    }

    /** Colours from blue to red in the order of the parameter, none of them dark (black is the requested curve's). */
    private static Color shade(int index, int count) {
        return Color.getHSBColor(0.66f * (1 - index / (float) (count - 1)), 0.75f, 0.9f);
    }

    /** The family's values and the requested one, in order, without repeats. */
    private static double[] withRequested(double[] family, double requested) {
        return DoubleStream.concat(DoubleStream.of(family), DoubleStream.of(requested)).sorted().distinct().toArray();
    }

    private static Cmg like(Cmg curve, double mu, double inflection) {
        return new Cmg(mu, inflection, curve.xmin(), curve.xmax(), curve.yL(), curve.yR(), curve.method());
    }

    private static XYChart chart(String title, Cmg curve) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("CMG-GLLF, " + title)
                .xAxisTitle("x").yAxisTitle("y").build();
        XYStyler styler = chart.getStyler();
        // the corner the curves leave empty: bottom right when they rise, bottom left when they fall
        styler.setLegendPosition(curve.yL() <= curve.yR() ? Styler.LegendPosition.InsideSE : Styler.LegendPosition.InsideSW);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setAntiAlias(true);
        styler.setXAxisTickMarkSpacingHint(90);
        styler.setXAxisDecimalPattern("0.##");
        styler.setYAxisDecimalPattern("0.##");
        styler.setXAxisMin(curve.xmin());
        styler.setXAxisMax(curve.xmax());
        return chart;
    }

    /** A family member in its colour, or with colour null the requested curve, black and thick. */
    private static void addSeries(XYChart chart, String name, Cmg curve, Color colour) {
        double[] x = new double[POINTS];
        double[] y = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            x[i] = curve.xmin() + (curve.xmax() - curve.xmin()) * i / (POINTS - 1);
            y[i] = curve.value(x[i]);
        }
        XYSeries series = chart.addSeries(colour == null ? name + " (this curve)" : name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(colour == null ? Color.BLACK : colour).setLineWidth(colour == null ? HIGHLIGHT_WIDTH : LINE_WIDTH);
    }
}
