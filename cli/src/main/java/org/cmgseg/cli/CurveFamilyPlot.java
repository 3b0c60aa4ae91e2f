package org.cmgseg.cli;

import org.cmgseg.affinities.io.AtomicFiles;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.cmgseg.cmg.Cmg;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Two panels around one curve, as in Figure 1 of the CMG paper: the curve for several mu at its
 * inflection point I, and for several I at its mu, on its range.
 */
final class CurveFamilyPlot {

    private static final double[] MUS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1};
    private static final double[] INFLECTIONS = {0.1, 0.3, 0.5, 0.7, 0.9};
    private static final int POINTS = 801;
    private static final int WIDTH = 640;
    private static final int HEIGHT = 520;

    private CurveFamilyPlot() {
    }

    static void write(Cmg curve, Path png) throws IOException {
        XYChart byMu = chart("I = " + CFormat.shortest(curve.inflection()) + ", varying mu", curve);
        for (double mu : MUS) {
            addSeries(byMu, "mu = " + CFormat.shortest(mu), like(curve, mu, curve.inflection()));
        }
        XYChart byInflection = chart("mu = " + CFormat.shortest(curve.mu()) + ", varying I", curve);
        for (double inflection : INFLECTIONS) {
            addSeries(byInflection, "I = " + CFormat.shortest(inflection), like(curve, curve.mu(), inflection));
        }
        BufferedImage image = new BufferedImage(2 * WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.drawImage(BitmapEncoder.getBufferedImage(byMu), 0, 0, null);
        g.drawImage(BitmapEncoder.getBufferedImage(byInflection), WIDTH, 0, null);
        g.dispose();
        AtomicFiles.write(png, temporary -> ImageIO.write(image, "png", temporary.toFile()));
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
        styler.setChartBackgroundColor(java.awt.Color.WHITE);
        styler.setAntiAlias(true);
        styler.setXAxisTickMarkSpacingHint(90);
        styler.setXAxisDecimalPattern("0.##");
        styler.setYAxisDecimalPattern("0.##");
        styler.setXAxisMin(curve.xmin());
        styler.setXAxisMax(curve.xmax());
        return chart;
    }

    private static void addSeries(XYChart chart, String name, Cmg curve) {
        double[] x = new double[POINTS];
        double[] y = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            x[i] = curve.xmin() + (curve.xmax() - curve.xmin()) * i / (POINTS - 1);
            y[i] = curve.value(x[i]);
        }
        chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE);
    }
}
