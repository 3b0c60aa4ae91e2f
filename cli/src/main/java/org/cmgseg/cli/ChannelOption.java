package org.cmgseg.cli;

import picocli.CommandLine.Option;

/** {@code --channels}: which channels of affinities with more than three are the z, y and x nearest neighbours. */
final class ChannelOption {

    @Option(names = "--channels", paramLabel = "Z,Y,X", split = ",", hideParamSyntax = true, description = "The channels of the nearest-neighbour affinities "
            + "z, y, x (default: 0,1,2 of 3 channels; of more, those the affinity_offsets or offsets attribute names (-1,0,0), "
            + "(0,-1,0), (0,0,-1)).")
    int[] channels;
}
