package org.cmgseg.cli;

import picocli.CommandLine.Command;

/** {@code cmgseg bench}: speed measurements. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {BenchCmgCommand.class, BenchIoCommand.class, BenchSegmentCommand.class, BenchEvaluateCommand.class},
        description = "Measure the speed of a stage of the pipeline and print the figures.")
final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
