package org.cmgseg.segmentation.evaluate;

/**
 * The CREMI challenge's metrics, as its official code (cremi_python) computes them:
 * <ul>
 * <li>VOI over the voxels with ground truth other than 0 (segmentation 0 is an ordinary label):
 * split = H(seg | gt), merge = H(gt | seg), in bits;</li>
 * <li>adapted Rand error over the ground-truth rows other than 0, with segmentation 0 as singletons
 * through the official code's {@code sum(c) / n} term (n = all voxels, ignored ones included).</li>
 * </ul>
 */
public final class CremiMetrics {

    private CremiMetrics() {
    }

    public static CremiScores of(ContingencyTable table) {
        return of(TableSums.of(table));
    }

    static CremiScores of(TableSums s) {
        double quirk = (double) s.unsegmented() / s.voxels();
        double sumB = s.columnSquaresSegmented() + quirk;
        double sumAB = s.cellSquaresSegmented() + quirk;
        double precision = sumAB / sumB;
        double recall = sumAB / s.rowSquares();
        return CremiScores.of(s.voiSplit(), s.voiMerge(), 1 - 2 * precision * recall / (precision + recall));
    }
}
