package org.cmgseg.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cmgseg reproduce leaf}: the LEAF paper's LeNet-5 and KerasNet tables. Like {@link TrainCommand}, it
 * uses only JDK types and leaves the training code to {@link ReproduceSession}, loaded only when it runs.
 */
@Command(name = "leaf", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the rows of the LEAF paper's LeNet-5 and KerasNet tables (Fashion-MNIST) by the paper's protocol: "
                + "seed 42 and the same starting weights for every row, Adam 1e-3, P24SI (p2, p4 at 1e-6) for LEAF, "
                + "mini-batches of 128, a random flip and shift by up to 0.1 per mini-batch, the best test accuracy over the epochs.",
                "Writes per model MODEL/table.csv, MODEL/table.md, MODEL/accuracy.png and per row MODEL/rows/ROW/ (the files of "
                        + "cmgseg train); a row's checkpoint is saved after every epoch, and the same command continues "
                        + "where it stopped."},
        footer = {"", "Rows (default: all, in this order): relu, leaf:relu, leaf:relu+dspt, silu,",
                "leaf:silu, leaf:silu+dspt, tanh, leaf:tanh, leaf:tanh+dspt, sigmoid, leaf:sigmoid,",
                "leaf:sigmoid+dspt, ahaf:relu, ahaf:silu. Any activation of cmgseg train may be",
                "added, e.g. cmg or cmg+dspt.", "", "Example:",
                "  cmgseg reproduce leaf --data fashion-mnist:/usr/share/datasets/fashion-mnist \\",
                "      --output runs/leaf --models lenet5"})
final class ReproduceLeafCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "KIND:DIR",
            description = "fashion-mnist:DIR (the paper's data set) or any data set of cmgseg train.")
    String data;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Folder for the tables and the rows' runs.")
    Path output;

    @Option(names = "--epochs", defaultValue = "100", description = "Epochs per row (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--rows", paramLabel = "ROW,...", description = "Rows to train, in this order (default: all of the paper's).")
    String rows;

    @Option(names = "--models", defaultValue = "lenet5,kerasnet", paramLabel = "MODEL,...",
            description = "Tables to make: lenet5, kerasnet (default: ${DEFAULT-VALUE}).")
    String models;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of every row (default: ${DEFAULT-VALUE}, the paper's).")
    long seed;

    @Option(names = "--threads", defaultValue = "1", description = "PyTorch threads; results are bit for bit "
            + "repeatable for the same number (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() throws IOException {
        NewOutputs.checkFolder(output);
        try {
            return ReproduceSession.run(this, spec.commandLine().getOut(), spec.commandLine().getErr());
        } catch (NoClassDefFoundError e) {
            throw new UnsupportedOperationException("the training module and DJL are not on the class path (missing "
                    + e.getMessage() + "): run reproduce through the ./cmgseg launcher");
        }
    }
}
