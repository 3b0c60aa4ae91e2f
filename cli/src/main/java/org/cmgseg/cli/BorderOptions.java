package org.cmgseg.cli;

import java.io.IOException;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.Geometry;
import picocli.CommandLine.Option;

/** The CREMI border mask: its threshold in nanometres, and the voxel size it needs. */
final class BorderOptions {

    @Option(names = "--border-threshold", paramLabel = "NM", description = "Ignore ground-truth voxels within this many nanometres of "
            + "a boundary between labels in their z-slice, as the CREMI challenge did with 25 (default: no border mask).")
    Double threshold;

    @Option(names = "--resolution", paramLabel = "Z,Y,X", description = "Voxel size in nm, for the border mask "
            + "(default: the ground truth's resolution attribute).")
    String resolution;

    /** The voxel size (z, y, x) for the mask of the given ground truth; null without a mask. */
    double[] resolutionZyx(DatasetAddress groundTruth) throws IOException {
        if (threshold == null) {
            return null;
        }
        if (!(threshold >= 0) || threshold.isInfinite()) {
            throw new IllegalArgumentException("--border-threshold must be a distance of at least 0 nm, got " + threshold);
        }
        if (resolution != null) {
            double[] zyx = NumberList.parse(resolution, "--resolution");
            if (zyx.length != 3 || !(zyx[0] > 0 && zyx[1] > 0 && zyx[2] > 0)) {
                throw new IllegalArgumentException("--resolution takes three positive sizes z,y,x in nm, got '" + resolution + "'");
            }
            return zyx;
        }
        try (Containers.OpenDataset open = Containers.open(groundTruth)) {
            double[] zyx = Geometry.read(open.container(), groundTruth).resolutionZyx();
            if (zyx == null) {
                throw new IllegalArgumentException("--border-threshold needs the voxel size: the ground truth " + groundTruth
                        + " has no resolution attribute; give --resolution z,y,x in nm (CREMI: 40,4,4)");
            }
            return zyx;
        }
    }
}
