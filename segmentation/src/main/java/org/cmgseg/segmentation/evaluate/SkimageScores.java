package org.cmgseg.segmentation.evaluate;

/**
 * What scikit-image reports for {@code adapted_rand_error(gt, seg)} (ground truth 0 ignored,
 * segmentation 0 an ordinary label, each voxel's pair with itself left out) and for
 * {@code variation_of_information(gt, seg, ignore_labels=(0,))}, whose two values are CREMI's VOI
 * split and merge. Its precision is CREMI's recall, and the other way round.
 */
public record SkimageScores(double adaptedRandError, double precision, double recall, double voiSplit, double voiMerge) {

    public static SkimageScores of(ContingencyTable table) {
        TableSums s = TableSums.of(table);
        double pairs = s.cellSquares() - s.labelled();
        double precision = pairs / (s.rowSquares() - s.labelled());
        double recall = pairs / (s.columnSquares() - s.labelled());
        return new SkimageScores(1 - 2 * precision * recall / (precision + recall), precision, recall, s.voiSplit(), s.voiMerge());
    }
}
