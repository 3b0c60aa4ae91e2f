package org.cmgseg.cli;

import org.cmgseg.affinities.NonFinitePolicy;
import picocli.CommandLine.Option;

/** {@code --nan-as}: what NaN and infinite affinities (or boundary probabilities) are read as; every command that reads them has it. */
final class NanOption {

    @Option(names = "--nan-as", paramLabel = "V", description = "Read NaN and infinite values as V, in [0, 1] (default: refuse them, "
            + "naming the first). V does not count for the value range.")
    Float nanAs;

    NonFinitePolicy policy() {
        return NonFinitePolicy.of(nanAs);
    }
}
