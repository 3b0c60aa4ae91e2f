package org.cmgseg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.cmgseg.cmg.Cmg;
import org.cmgseg.cmg.CmgDerivatives;
import org.cmgseg.cmg.LogitMethod;
import org.cmgseg.cmg.Phase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cmgseg cmg}: values and derivatives of one CMG curve, and plots of curve families. */
@Command(name = "cmg", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate the CMG generalized logistic-logit function of one curve.",
                "Prints one line per input: the value, or with --derivatives 'value d/dx d/dmu d/dI', "
                        + "in full double precision (C's %%.17g). Inputs outside [xmin, xmax] are clamped."},
        footer = {"", "Examples:", "  cmgseg cmg --mu 0.4 --inflection 0.3 --x 0.1,0.5,0.9",
                "  cmgseg cmg --mu 0.8 --inflection 0.2 --xmin -2 --xmax 3 --yl 5 --yr -1 --x=-1.5,0 --derivatives --json",
                "  cmgseg cmg --mu 0.4 --inflection 0.3 --plot curves.png"})
final class CmgCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--mu", required = true, description = "Inflection rate in [0, 1]: 0 step, (0, 0.5) logistic, "
            + "0.5 linear, (0.5, 1) logit, 1 constant.")
    double mu;

    @Option(names = {"--inflection", "-I"}, required = true, description = "Inflection point I in [0, 1].")
    double inflection;

    @Option(names = "--xmin", defaultValue = "0", description = "Lower end of the input range (default: ${DEFAULT-VALUE}).")
    double xmin;

    @Option(names = "--xmax", defaultValue = "1", description = "Upper end of the input range (default: ${DEFAULT-VALUE}).")
    double xmax;

    @Option(names = "--yl", description = "Output at xmin (default: xmin).")
    Double yL;

    @Option(names = "--yr", description = "Output at xmax (default: xmax); below --yl for a decreasing curve.")
    Double yR;

    @Option(names = "--x", split = ",", paramLabel = "v1,v2,...", description = "Inputs to evaluate.")
    List<Double> inputs;

    @Option(names = "--derivatives", description = "Also print d/dx, d/dmu and d/dI.")
    boolean derivatives;

    @Option(names = "--json", description = "Print JSON instead of lines.")
    boolean json;

    @Option(names = "--mode", defaultValue = "exact", paramLabel = "exact|lookup1000",
            description = "How the logit phase is computed: exact (default) or lookup1000, the reference "
                    + "implementation's 1000-point approximation (for reproducing published numbers).")
    String mode;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Also draw the curve family around this curve "
            + "(several mu at this I, several I at this mu) as a PNG.")
    Path plot;

    @Option(names = "--overwrite", description = "Replace the --plot file if it exists (default: refuse to).")
    boolean overwrite;

    /** The logit method a --mode option names. */
    static LogitMethod logitMethod(String mode) {
        return switch (mode) {
            case "exact" -> LogitMethod.EXACT;
            case "lookup1000" -> LogitMethod.LOOKUP1000;
            default -> throw new IllegalArgumentException("--mode must be exact or lookup1000, got '" + mode + "'");
        };
    }

    @Override
    public Integer call() throws IOException {
        LogitMethod method = logitMethod(mode);
        double left = yL == null ? xmin : yL;
        double right = yR == null ? xmax : yR;
        Cmg curve = new Cmg(mu, inflection, xmin, xmax, left, right, method);
        if (inputs == null && plot == null) {
            throw new IllegalArgumentException("nothing to do: give --x values to evaluate, or --plot FILE.png");
        }
        if (derivatives && method == LogitMethod.LOOKUP1000 && curve.phase() == Phase.LOGIT) {
            throw new IllegalArgumentException("--derivatives needs --mode exact: the lookup1000 approximation is piecewise constant");
        }
        if (plot != null) {
            try (NewOutputs outputs = new NewOutputs(overwrite).file(plot)) {
                CurveFamilyPlot.write(curve, plot);
                outputs.keep();
            }
        }
        if (inputs != null) {
            print(curve, spec.commandLine().getOut());
        }
        return 0;
    }

    private void print(Cmg curve, PrintWriter out) {
        if (!json) {
            for (double x : inputs) {
                if (derivatives) {
                    CmgDerivatives d = curve.derivatives(x);
                    Main.println(out, CFormat.g17(d.value()) + " " + CFormat.g17(d.dx()) + " " + CFormat.g17(d.dmu())
                            + " " + CFormat.g17(d.dInflection()));
                } else {
                    Main.println(out, CFormat.g17(curve.value(x)));
                }
            }
            return;
        }
        List<Object> points = Json.array();
        for (double x : inputs) {
            Json.JsonObject point = Json.object().put("x", x);
            if (derivatives) {
                CmgDerivatives d = curve.derivatives(x);
                point.put("value", d.value()).put("d_dx", d.dx()).put("d_dmu", d.dmu()).put("d_dI", d.dInflection());
            } else {
                point.put("value", curve.value(x));
            }
            points.add(point);
        }
        Json.JsonObject parameters = Json.object().put("mu", curve.mu()).put("inflection", curve.inflection())
                .put("xmin", curve.xmin()).put("xmax", curve.xmax()).put("yl", curve.yL()).put("yr", curve.yR())
                .put("phase", curve.phase().name().toLowerCase()).put("mode", mode);
        Main.println(out, Json.object().put("curve", parameters).put("points", points).toString());
    }
}
