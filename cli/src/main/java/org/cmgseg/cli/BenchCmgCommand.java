package org.cmgseg.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.cmgseg.cmg.Cmg;
import org.cmgseg.cmg.CmgTransform;
import org.cmgseg.core.Parallel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cmgseg bench cmg}: throughput of the bulk CMG transform on float32 data. Each curve is
 * measured in a fresh JVM, so that what the JIT learnt from one curve does not slow or speed another.
 */
@Command(name = "cmg", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Throughput of the CMG soft threshold on a float32 array of uniform values in [0, 1], "
                + "in Mvalues/s, per curve and thread count (best and median of the repeats, after warm-up)."})
final class BenchCmgCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--curves", split = ",", paramLabel = "MU:I,...", defaultValue = "0.4:0.3,0.6:0.3,0.8:0.2",
            description = "Curves to measure (default: ${DEFAULT-VALUE}: the paper's best logistic curve and two logit curves).")
    List<String> curves;

    @Option(names = "--size", defaultValue = "16777216", description = "Values per transform (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--threads", split = ",", description = "Thread counts (default: 1 and all processors).")
    List<Integer> threads;

    @Option(names = "--repeats", defaultValue = "10", description = "Timed repeats (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--in-process", description = "Measure every curve in this JVM instead of one fresh JVM each.")
    boolean inProcess;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (size < 1 || repeats < 1) {
            throw new IllegalArgumentException("--size and --repeats must be positive");
        }
        if (threads == null) {
            threads = Parallel.availableThreads() > 1 ? List.of(1, Parallel.availableThreads()) : List.of(1);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!inProcess) {
            Main.println(out, String.format("%-6s %-6s %-9s %8s %14s %16s %9s", "mu", "I", "phase", "threads",
                    "best Mvalues/s", "median Mvalues/s", "ns/value"));
        }
        for (String curve : curves) {
            String[] muI = curve.split(":");
            if (muI.length != 2) {
                throw new IllegalArgumentException("--curves takes MU:I pairs, got '" + curve + "'");
            }
            Cmg cmg = Cmg.unit(Double.parseDouble(muI[0]), Double.parseDouble(muI[1]));
            if (inProcess) {
                measure(cmg, out);
            } else {
                fork(curve, out);
            }
        }
        return 0;
    }

    private void measure(Cmg curve, PrintWriter out) {
        float[] in = new float[size];
        Random random = new Random(1);
        for (int i = 0; i < size; i++) {
            in[i] = random.nextFloat();
        }
        float[] result = new float[size];
        for (int t : threads) {
            CmgTransform transform = new CmgTransform(curve, t);
            for (int i = 0; i < 3; i++) {
                transform.apply(in, result);
            }
            double[] rates = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                long start = System.nanoTime();
                transform.apply(in, result);
                rates[r] = size / ((System.nanoTime() - start) / 1e9) / 1e6;
            }
            Arrays.sort(rates);
            double best = rates[repeats - 1];
            Main.println(out, String.format("%-6s %-6s %-9s %8d %14.1f %16.1f %9.2f", CFormat.shortest(curve.mu()),
                    CFormat.shortest(curve.inflection()), curve.phase().name().toLowerCase(), t, best,
                    rates[repeats / 2], 1e3 / best));
        }
    }

    private void fork(String curve, PrintWriter out) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "bench", "cmg", "--in-process", "--curves", curve, "--size", Integer.toString(size),
                "--repeats", Integer.toString(repeats), "--threads"));
        command.add(String.join(",", threads.stream().map(String::valueOf).toList()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Main.println(out, line);
            }
        }
        if (child.waitFor() != 0) {
            throw new IllegalStateException("the benchmark JVM for curve " + curve + " failed");
        }
    }
}
