package org.cmgseg.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cmgseg reproduce}: published experiments as one command each. */
@Command(name = "reproduce", mixinStandardHelpOptions = true, subcommands = ReproduceLeafCommand.class,
        description = "Run a published experiment by its protocol: leaf (the LEAF paper's Fashion-MNIST tables).")
final class ReproduceCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
