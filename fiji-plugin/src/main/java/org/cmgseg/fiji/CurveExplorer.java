package org.cmgseg.fiji;

import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.DialogListener;
import ij.gui.GenericDialog;
import ij.gui.NonBlockingGenericDialog;
import ij.gui.Plot;
import ij.gui.PlotWindow;
import ij.plugin.PlugIn;
import java.awt.AWTEvent;
import java.awt.Color;
import java.util.function.DoubleUnaryOperator;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;

/**
 * Plugins > Segmentation > CMG Neuron Segmentation > CMG Curve Explorer: mu and I sliders with a live plot of the CMG
 * curve on [0, 1] among the curves of other mu at the same I (as in Figure 1 of the CMG paper), and, when an image is
 * open, the histogram of its values before and after the transform. A macro gets the two plots for its values.
 */
public final class CurveExplorer implements PlugIn, DialogListener {

    static final String COMMAND = "CMG Curve Explorer";
    private static final int POINTS = 201;
    private static final int BINS = 100;
    private static final double[] FAMILY = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    private float[] values;
    private PlotWindow curveWindow;
    private PlotWindow histogramWindow;

    @Override
    public void run(String arg) {
        ImagePlus image = WindowManager.getCurrentImage();
        GenericDialog dialog = new NonBlockingGenericDialog(COMMAND);
        dialog.addSlider("mu", 0, 1, 0.4, 0.01);
        dialog.addSlider("Inflection", 0, 1, 0.3, 0.01);
        dialog.addDialogListener(this);
        UserErrors.run(COMMAND, () -> {
            values = image == null ? null : Images.floats(image);
            if (Macro.getOptions() == null) {
                show(0.4, 0.3);
            }
            // the listener draws: on every change, and once with the macro's values when a macro runs the command
            dialog.showDialog();
        });
    }

    @Override
    public boolean dialogItemChanged(GenericDialog dialog, AWTEvent event) {
        double mu = dialog.getNextNumber();
        double inflection = dialog.getNextNumber();
        if (dialog.invalidNumber() || !(mu >= 0 && mu <= 1 && inflection >= 0 && inflection <= 1)) {
            return false;
        }
        show(mu, inflection);
        return true;
    }

    private void show(double mu, double inflection) {
        Plot curve = curvePlot(mu, inflection);
        curveWindow = update(curveWindow, curve);
        if (values != null) {
            histogramWindow = update(histogramWindow, histogramPlot(mu, inflection));
        }
    }

    private static PlotWindow update(PlotWindow window, Plot plot) {
        if (window == null || window.isClosed()) {
            plot.show();
            return plot.getImagePlus().getWindow() instanceof PlotWindow shown ? shown : null;
        }
        window.drawPlot(plot);
        return window;
    }

    static Plot curvePlot(double mu, double inflection) {
        Plot plot = new Plot("CMG curve", "x", "CMG(x)");
        plot.setLimits(0, 1, 0, 1);
        double[] x = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            x[i] = i / (double) (POINTS - 1);
        }
        plot.setColor(Color.LIGHT_GRAY);
        for (double familyMu : FAMILY) {
            plot.addPoints(x, curve(familyMu, inflection, x), Plot.LINE);
        }
        plot.setColor(Color.BLACK);
        plot.setLineWidth(2);
        plot.addPoints(x, curve(mu, inflection, x), Plot.LINE);
        plot.setLineWidth(1);
        plot.addLegend("mu 0.1 to 0.9 (grey)\nmu " + mu + ", I " + inflection);
        return plot;
    }

    private Plot histogramPlot(double mu, double inflection) {
        float[] transformed = values.clone();
        Library.transform(transformed, mu, inflection, RunContext.of(Runtime.getRuntime().availableProcessors(), Progress.NONE));
        Plot plot = new Plot("CMG histogram", "value", "voxels");
        double[] centres = new double[BINS];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        for (int b = 0; b < BINS; b++) {
            centres[b] = min + (b + 0.5) * (max - min) / BINS;
        }
        plot.setColor(Color.GRAY);
        plot.addPoints(centres, histogram(values, min, max), Plot.LINE);
        plot.setColor(Color.RED);
        plot.addPoints(centres, histogram(transformed, min, max), Plot.LINE);
        plot.addLegend("before\nafter CMG(" + mu + ", " + inflection + ")");
        return plot;
    }

    private static double[] curve(double mu, double inflection, double[] x) {
        DoubleUnaryOperator cmg = Library.curve(mu, inflection);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = cmg.applyAsDouble(x[i]);
        }
        return y;
    }

    private static double[] histogram(float[] data, double min, double max) {
        double[] counts = new double[BINS];
        double scale = max > min ? BINS / (max - min) : 0;
        for (float v : data) {
            counts[Math.min(BINS - 1, Math.max(0, (int) ((v - min) * scale)))]++;
        }
        return counts;
    }
}
