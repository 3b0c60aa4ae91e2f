package org.cmgseg.cli;

import java.io.IOException;
import picocli.CommandLine.Option;

/** How fragments are made: {@code --fragments} and the waterz watershed's {@code --low} and {@code --high}. */
final class FragmentOptions {

    @Option(names = "--fragments", defaultValue = "waterz", paramLabel = FragmentSource.NAMES,
            description = "waterz's steepest-ascent watershed (default); distance2d, the distance-transform seeded watershed of "
                    + "each z-slice of the MALA / CREMI scripts (mahotas), as in the published CMG pipeline; distance3d, lsd's 3D "
                    + "distance-transform watershed (seeds: maxima of 10-voxel cubes); or an integer label volume (z, y, x) of your own.")
    FragmentSource fragments;

    @Option(names = "--low", paramLabel = "A", description = "waterz watershed: affinities below this never join a fragment "
            + "(default: 0.0001).")
    Float low;

    @Option(names = "--high", paramLabel = "A", description = "waterz watershed: affinities above this always do "
            + "(default: 0.9999).")
    Float high;

    FragmentChoice open() throws IOException {
        return FragmentChoice.of(fragments, low, high);
    }
}
