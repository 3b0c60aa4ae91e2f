package org.cmgseg.segmentation.evaluate;

/**
 * The CREMI metrics of a segmentation: variation of information split and merge (base 2), the adapted
 * Rand error, and the CREMI score {@code sqrt((voi_split + voi_merge) * adapted_rand)}. Lower is better.
 */
public record CremiScores(double voiSplit, double voiMerge, double adaptedRand, double cremiScore) {

    public static CremiScores of(double voiSplit, double voiMerge, double adaptedRand) {
        return new CremiScores(voiSplit, voiMerge, adaptedRand, Math.sqrt((voiSplit + voiMerge) * adaptedRand));
    }
}
