package org.cmgseg.segmentation.evaluate;

/**
 * The scores waterz's own evaluation reports, over the voxels with ground truth other than 0
 * (segmentation 0 an ordinary label): Rand split {@code sum c_ij^2 / sum r_i^2} and merge
 * {@code sum c_ij^2 / sum q_j^2} (1 is perfect), and information split and merge, which equal CREMI's VOI.
 */
public record WaterzScores(double randSplit, double randMerge, double infoSplit, double infoMerge) {

    public static WaterzScores of(ContingencyTable table) {
        TableSums s = TableSums.of(table);
        return new WaterzScores((double) s.cellSquares() / s.rowSquares(), (double) s.cellSquares() / s.columnSquares(), s.voiSplit(),
                s.voiMerge());
    }
}
