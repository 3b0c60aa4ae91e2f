package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.List;
import org.cmgseg.cmg.Cmg;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class CurveFamilyPlotTest {

    /** The requested curve is in both panels, highlighted, whether or not the family holds its mu and I. */
    @ParameterizedTest
    @CsvSource({"0.45,0.35,12,6", "0.4,0.3,11,5", "0.8,0.9,11,5"})
    void theRequestedCurveIsDrawnHighlightedAmongItsNeighbours(double mu, double inflection, int muCurves, int inflectionCurves) {
        Cmg curve = new Cmg(mu, inflection, -1, 2, 3, -0.5);
        List<XYChart> panels = CurveFamilyPlot.panels(curve);
        assertEquals(muCurves, panels.get(0).getSeriesMap().size(), panels.get(0).getSeriesMap().keySet().toString());
        assertEquals(inflectionCurves, panels.get(1).getSeriesMap().size(), panels.get(1).getSeriesMap().keySet().toString());
        String[] names = {"mu = " + CFormat.shortest(mu) + " (this curve)", "I = " + CFormat.shortest(inflection) + " (this curve)"};
        for (int p = 0; p < 2; p++) {
            XYSeries requested = panels.get(p).getSeriesMap().get(names[p]);
            assertTrue(requested != null, names[p] + " in " + panels.get(p).getSeriesMap().keySet());
            assertEquals(Color.BLACK, requested.getLineColor());
            double[] x = requested.getXData();
            double[] y = requested.getYData();
            for (int i = 0; i < x.length; i += 50) {
                assertEquals(curve.value(x[i]), y[i], 0, "x = " + x[i]);
            }
            for (XYSeries other : panels.get(p).getSeriesMap().values()) {
                if (other != requested) {
                    assertTrue(other.getLineWidth() < requested.getLineWidth() && !Color.BLACK.equals(other.getLineColor()),
                            other.getName() + " is not highlighted");
                    assertTrue(!other.getName().contains("this curve"), other.getName());
                }
            }
        }
    }
}
