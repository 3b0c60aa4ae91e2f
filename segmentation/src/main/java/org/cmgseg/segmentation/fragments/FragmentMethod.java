package org.cmgseg.segmentation.fragments;

import org.cmgseg.affinities.io.Dataset;

/** How fragments are made. */
public sealed interface FragmentMethod {

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
    }

    /**
     * The distance-transform seeded watershed ({@link DistanceTransformWatershed}): per z-slice, that of
     * the MALA / CREMI scripts (the published CMG pipeline's); in 3D, lsd's.
     */
    record DistanceTransform(boolean perSlice) implements FragmentMethod {
    }

    /**
     * Fragments given by the user: an integer dataset of the affinities' shape (z, y, x); {@code where}
     * names it in messages (say, its file and dataset).
     */
    record Supplied(Dataset fragments, String where) implements FragmentMethod {
        public Supplied(Dataset fragments) {
            this(fragments, "the fragment volume");
        }
    }

    /** Fragments already made (say by an earlier run, to agglomerate them under other merge functions). */
    record Precomputed(Fragments fragments) implements FragmentMethod {
    }

    static SteepestAscent waterz() {
        return new SteepestAscent(WATERZ_LOW, WATERZ_HIGH);
    }
}
