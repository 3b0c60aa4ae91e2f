package org.cmgseg.cli;

import org.cmgseg.affinities.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cmgseg.cmg.Cmg;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cmgseg demo}: the main job on built-in data, needing nothing outside the repository. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the demonstration on built-in data and write its results to a folder.",
                "Writes the CMG curve family of the paper's best setting (mu 0.4, I 0.3) as a PNG and a table "
                        + "of CMG values as TSV."})
final class DemoCommand implements Callable<Integer> {

    static final double[][] CURVES = {{0.4, 0.3}, {0.1, 0.5}, {0.3, 0.5}, {0.5, 0.5}, {0.7, 0.5}, {0.9, 0.5}, {0.6, 0.8}};

    @Spec
    CommandSpec spec;

    @Option(names = "--output", defaultValue = "cmgseg-demo", paramLabel = "DIR",
            description = "Folder for the results (default: ${DEFAULT-VALUE}).")
    Path output;

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(output);
        PrintWriter out = spec.commandLine().getOut();
        Path plot = output.resolve("cmg_curves.png");
        CurveFamilyPlot.write(Cmg.unit(CURVES[0][0], CURVES[0][1]), plot);
        Path table = output.resolve("cmg_values.tsv");
        AtomicFiles.write(table, temporary -> Files.writeString(temporary, valueTable()));
        Main.println(out, "CMG curve family (mu 0.4, I 0.3 and neighbours): " + plot.toAbsolutePath());
        Main.println(out, "CMG values on [0, 1] for " + CURVES.length + " curves:      " + table.toAbsolutePath());
        return 0;
    }

    private static String valueTable() {
        StringBuilder tsv = new StringBuilder("x");
        Cmg[] curves = new Cmg[CURVES.length];
        for (int c = 0; c < CURVES.length; c++) {
            curves[c] = Cmg.unit(CURVES[c][0], CURVES[c][1]);
            tsv.append("\tmu=").append(CFormat.shortest(CURVES[c][0])).append(",I=").append(CFormat.shortest(CURVES[c][1]));
        }
        tsv.append('\n');
        for (int i = 0; i <= 20; i++) {
            double x = i / 20.0;
            tsv.append(CFormat.g17(x));
            for (Cmg curve : curves) {
                tsv.append('\t').append(CFormat.g17(curve.value(x)));
            }
            tsv.append('\n');
        }
        return tsv.toString();
    }
}
