package org.cmgseg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cmgseg train}: trains a network with learnable activation functions on DJL's PyTorch
 * engine. Its options use only JDK types and all training code sits in {@link TrainSession}, loaded
 * only when the command runs: the command-line jar does not contain DJL, and every other command
 * (and this one's --help) works without it.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train an MLP, LeNet-5 or KerasNet with CMG, LEAF, LAU, MoLU or standard activations (DJL, PyTorch, CPU).",
                "Writes metrics.csv, metrics.json, curves.png, checkpoint.bin and, with --ifm cmg, ifm-parameters.png "
                        + "and ifm-parameters.tsv to the output folder; prints one line per epoch."},
        footer = {"", "Examples:",
                "  cmgseg train --data synthetic --ifm cmg --epochs 20 --output runs/ifm",
                "  cmgseg train --model kerasnet --activation leaf:tanh --optimizer adam --p24 1e-6 --augment "
                        + "--schedule none --data cifar10:~/data/cifar-10-batches-bin --output runs/leaf"})
final class TrainCommand implements Callable<Integer> {

    static final String CHECKPOINT = "checkpoint.bin";

    @Spec
    CommandSpec spec;

    @Option(names = "--model", defaultValue = "mlp", paramLabel = "mlp|lenet5|kerasnet",
            description = "Network (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--activation", defaultValue = "relu", paramLabel = "NAME",
            description = "Activation of every hidden layer: relu, silu, tanh, sigmoid, leaf:relu, leaf:silu, leaf:tanh, "
                    + "leaf:sigmoid, ahaf:relu, ahaf:silu, cmg, lau or molu (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--ifm", defaultValue = "none", paramLabel = "cmg|none",
            description = "Put a CMG input feature modulator (one trainable mu and I per input feature) first (default: ${DEFAULT-VALUE}).")
    String ifm;

    @Option(names = "--hidden", split = ",", paramLabel = "W1,W2,...",
            description = "Hidden layer widths of the MLP (default: 1024,512, the paper's CIFAR-10 network).")
    List<Integer> hidden;

    @Option(names = "--dropout", paramLabel = "RATE", description = "Dropout after every hidden layer of the MLP (default: 0.3).")
    Double dropout;

    @Option(names = "--optimizer", defaultValue = "sgd", paramLabel = "NAME",
            description = "sgd (momentum 0.9), adam, adamw, rmsprop or muon (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", paramLabel = "RATE",
            description = "Base learning rate (default: sgd 0.01, adam 1e-3, adamw 1e-3, rmsprop 1e-4, muon 0.01).")
    Double learningRate;

    @Option(names = "--weight-decay", defaultValue = "5e-4", paramLabel = "WD",
            description = "Weight decay of the network weights; activation parameters get none (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--schedule", defaultValue = "supralinear", paramLabel = "NAME",
            description = "Learning-rate schedule: linear, sublinear, supralinear or none (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--dspt", description = "Two optimizers, two stages per mini-batch: activation parameters, then network weights.")
    boolean dspt;

    @Option(names = "--p24", paramLabel = "RATE", description = "P24SI: this learning rate for LEAF's p2 and p4 (e.g. 1e-6).")
    Double p24;

    @Option(names = "--epochs", defaultValue = "10", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "128", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of initialisation, shuffling, augmentation and dropout (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--augment", description = "Random horizontal flips and shifts by up to 10 %% of the image size.")
    boolean augment;

    @Option(names = "--data", required = true, paramLabel = "KIND:DIR",
            description = "cifar10:DIR, cifar100:DIR, mnist:DIR, fashion-mnist:DIR (the files as distributed, in a local "
                    + "folder; nothing is downloaded) or synthetic (built-in, 2000 + 1000 CIFAR-sized images).")
    String data;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Folder for the results.")
    Path output;

    @Option(names = "--resume", description = "Continue the run whose checkpoint.bin is in the output folder: same settings, "
            + "except that --lr, --p24 and --epochs may change.")
    boolean resume;

    @Option(names = "--overwrite", description = "Start afresh in an output folder that holds an earlier run, replacing its files.")
    boolean overwrite;

    @Option(names = "--continue-on-nan", description = "Skip mini-batches whose loss or gradient is not finite instead of stopping.")
    boolean continueOnNan;

    @Override
    public Integer call() throws IOException {
        if (resume && overwrite) {
            throw new IllegalArgumentException("give --resume (continue the earlier run) or --overwrite (start afresh), not both");
        }
        NewOutputs.checkFolder(output);
        if (!resume && !overwrite && Files.exists(output.resolve(CHECKPOINT))) {
            throw new IllegalArgumentException(output + " holds an earlier run (" + CHECKPOINT
                    + "); give --resume to continue it or --overwrite to start afresh");
        }
        try {
            return TrainSession.run(this, spec.commandLine().getOut(), spec.commandLine().getErr());
        } catch (NoClassDefFoundError e) {
            throw new UnsupportedOperationException("the training module and DJL are not on the class path (missing "
                    + e.getMessage() + "): run train through the ./cmgseg launcher");
        }
    }
}
