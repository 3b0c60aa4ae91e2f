package org.cmgseg.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.DoubleFunction;
import org.cmgseg.cmg.Lau;
import org.cmgseg.cmg.Leaf;
import org.cmgseg.cmg.LeafPreset;
import org.cmgseg.cmg.MoLU;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cmgseg activation}: values and derivatives of LEAF, LAU and MoLU. */
@Command(name = "activation", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a learnable activation function.",
                "  leaf  (p1 u + p2) sigmoid(p3 u) + p4      --params p1,p2,p3,p4 or --preset (default relu)",
                "  lau   x ln(1 + a sigmoid(b x))            --params a,b (default 1,1)",
                "  molu  x (1 + tanh x) / 2                  no parameters",
                "Prints one line per input: the value, or with --derivatives the value, d/dx and the derivative "
                        + "for each parameter in order."},
        footer = {"", "Examples:", "  cmgseg activation --name leaf --preset tanh --x=-1,0,1",
                "  cmgseg activation --name lau --params 1.5,0.5 --x 2 --derivatives --json"})
final class ActivationCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--name", required = true, paramLabel = "leaf|lau|molu", description = "The activation function.")
    String name;

    @Option(names = "--params", split = ",", paramLabel = "p1,...", description = "Its parameters.")
    List<Double> params;

    @Option(names = "--preset", paramLabel = "relu|silu|tanh|sigmoid", description = "LEAF only: start from a classic shape.")
    String preset;

    @Option(names = "--x", required = true, split = ",", paramLabel = "v1,v2,...", description = "Inputs to evaluate.")
    List<Double> inputs;

    @Option(names = "--derivatives", description = "Also print the derivatives.")
    boolean derivatives;

    @Option(names = "--json", description = "Print JSON instead of lines.")
    boolean json;

    /** A function's value and derivatives at x, named. */
    private record Evaluation(double[] parameters, String[] names, DoubleFunction<double[]> at) {
    }

    @Override
    public Integer call() {
        Evaluation f = evaluation();
        PrintWriter out = spec.commandLine().getOut();
        int columns = derivatives ? f.names().length : 1;
        List<Object> points = Json.array();
        for (double x : inputs) {
            double[] values = f.at().apply(x);
            if (json) {
                Json.JsonObject point = Json.object().put("x", x);
                for (int c = 0; c < columns; c++) {
                    point.put(f.names()[c], values[c]);
                }
                points.add(point);
            } else {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    line.append(c == 0 ? "" : " ").append(CFormat.g17(values[c]));
                }
                Main.println(out, line.toString());
            }
        }
        if (json) {
            Main.println(out, Json.object().put("activation", name).put("params", f.parameters()).put("points", points).toString());
        }
        return 0;
    }

    private Evaluation evaluation() {
        switch (name) {
            case "leaf" -> {
                Leaf leaf = leaf();
                return new Evaluation(new double[] {leaf.p1(), leaf.p2(), leaf.p3(), leaf.p4()},
                        new String[] {"value", "d_du", "d_dp1", "d_dp2", "d_dp3", "d_dp4"}, u -> {
                    Leaf.Gradient g = leaf.gradient(u);
                    return new double[] {leaf.value(u), g.du(), g.dp1(), g.dp2(), g.dp3(), g.dp4()};
                });
            }
            case "lau" -> {
                noPreset();
                double[] p = parameters(2, new double[] {Lau.INITIAL.a(), Lau.INITIAL.b()}, "a,b");
                Lau lau = new Lau(p[0], p[1]);
                return new Evaluation(p, new String[] {"value", "d_dx", "d_da", "d_db"}, x -> {
                    Lau.Gradient g = lau.gradient(x);
                    return new double[] {lau.value(x), g.dx(), g.da(), g.db()};
                });
            }
            case "molu" -> {
                noPreset();
                return new Evaluation(parameters(0, new double[0], "none"), new String[] {"value", "d_dx"}, x -> new double[] {MoLU.value(x), MoLU.derivative(x)});
            }
            default -> throw new IllegalArgumentException("unknown activation '" + name + "'; known: leaf, lau, molu");
        }
    }

    private Leaf leaf() {
        if (preset != null && params != null) {
            throw new IllegalArgumentException("give either --preset or --params for leaf, not both");
        }
        if (params != null) {
            double[] p = parameters(4, null, "p1,p2,p3,p4");
            return new Leaf(p[0], p[1], p[2], p[3]);
        }
        String chosen = preset == null ? "relu" : preset;
        try {
            return LeafPreset.valueOf(chosen.toUpperCase(Locale.ROOT)).leaf();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown LEAF preset '" + chosen + "'; known: relu, silu, tanh, sigmoid");
        }
    }

    private void noPreset() {
        if (preset != null) {
            throw new IllegalArgumentException("--preset applies to leaf only");
        }
    }

    private double[] parameters(int count, double[] defaults, String expected) {
        if (params == null) {
            return defaults;
        }
        if (params.size() != count) {
            throw new IllegalArgumentException(name + " takes " + count + " parameters (" + expected + "), got " + params.size());
        }
        return params.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
