package org.cmgseg.segmentation.fragments;

import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.core.ShortestDecimal;

/**
 * How fragments are made, named as the segmentation's attributes record it: {@code waterz} (with
 * waterz's thresholds, or {@code waterz:low=A:high=B}), {@code distance2d} and {@code distance3d};
 * fragments from elsewhere are named by where they come from.
 */
public sealed interface FragmentMethod {

    String name();

    /** waterz's watershed thresholds. */
    float WATERZ_LOW = 0.0001f;
    float WATERZ_HIGH = 0.9999f;

    /** waterz's steepest-ascent watershed ({@link SteepestAscentWatershed}). */
    record SteepestAscent(float low, float high) implements FragmentMethod {
        public SteepestAscent {
            if (!(low < high)) {
                throw new IllegalArgumentException("the watershed thresholds need low < high, got low " + low + ", high " + high);
            }
        }

        @Override
        public String name() {
            return low == WATERZ_LOW && high == WATERZ_HIGH ? "waterz"
                    : "waterz:low=" + ShortestDecimal.of(low) + ":high=" + ShortestDecimal.of(high);
        }
    }

    /**
     * The distance-transform seeded watershed ({@link DistanceTransformWatershed}): per z-slice, that of
     * the MALA / CREMI scripts (the published CMG pipeline's); in 3D, lsd's.
     */
    record DistanceTransform(boolean perSlice) implements FragmentMethod {
        @Override
        public String name() {
            return perSlice ? "distance2d" : "distance3d";
        }
    }

    /**
     * Fragments given by the user: an integer dataset of the affinities' shape (z, y, x); {@code where}
     * names it in messages (say, its file and dataset).
     */
    record Supplied(Dataset fragments, String where) implements FragmentMethod {
        public Supplied(Dataset fragments) {
            this(fragments, "the fragment volume");
        }

        @Override
        public String name() {
            return where;
        }
    }

    /** Fragments already made (say by an earlier run, to agglomerate them under other merge functions). */
    record Precomputed(Fragments fragments) implements FragmentMethod {
        @Override
        public String name() {
            return "precomputed";
        }
    }

    static SteepestAscent waterz() {
        return new SteepestAscent(WATERZ_LOW, WATERZ_HIGH);
    }
}
