package org.cmgseg.affinities;

/**
 * What to do with NaN and infinite values in affinities or boundary maps: fail (the default, naming
 * the first such voxel), or read them as a given value in [0, 1]. A replacement never widens the
 * value range that a volume is found to have: only the values as stored count for that.
 */
public record NonFinitePolicy(boolean fail, float replacement) {

    public static final NonFinitePolicy FAIL = new NonFinitePolicy(true, Float.NaN);

    public static NonFinitePolicy replaceWith(float value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("--nan-as: NaN and infinite values can be read as a value in [0, 1] only, got " + value);
        }
        return new NonFinitePolicy(false, value);
    }

    /** The policy of a {@code --nan-as} option (null: not given). */
    public static NonFinitePolicy of(Float nanAs) {
        return nanAs == null ? FAIL : replaceWith(nanAs);
    }
}
