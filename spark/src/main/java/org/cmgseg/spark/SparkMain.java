package org.cmgseg.spark;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cmgseg spark ...}, and the main class spark-submit runs: the blockwise commands. */
@Command(name = "cmgseg spark", mixinStandardHelpOptions = true, subcommands = SparkSegmentCommand.class,
        description = "The pipeline as Apache Spark jobs over blocks (local[*] unless --master or spark-submit says otherwise).")
public final class SparkMain {

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkMain()).execute(args));
    }
}
