package org.cmgseg.segmentation.fragments;

import java.util.List;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.core.ShortestDecimal;

/**
 * How fragments are made. The watersheds have names that {@link #parse} reads: {@code waterz} (with
 * waterz's thresholds, or {@code waterz:low=A:high=B}), {@code distance2d} and {@code distance3d};
 * fragments from elsewhere are named by where they come from.
 */
public sealed interface FragmentMethod {

    String KNOWN = "waterz (or waterz:low=A:high=B), distance2d or distance3d";

    /** The watersheds by name, waterz's first. */
    List<String> WATERSHEDS = List.of("waterz", "distance2d", "distance3d");

    /** The canonical name: {@code parse(name())} gives an equal method for the watersheds. */
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

    /** A watershed by name (see the interface comment). */
    static FragmentMethod parse(String name) {
        String text = name.strip();
        switch (text) {
            case "waterz":
                return waterz();
            case "distance2d":
                return new DistanceTransform(true);
            case "distance3d":
                return new DistanceTransform(false);
            default:
                break;
        }
        String[] parts = text.split(":", -1);
        if (parts.length == 3 && parts[0].equals("waterz") && parts[1].startsWith("low=") && parts[2].startsWith("high=")) {
            return new SteepestAscent(threshold(parts[1].substring(4), name), threshold(parts[2].substring(5), name));
        }
        throw new IllegalArgumentException("unknown fragment method '" + name + "'; known: " + KNOWN);
    }

    private static float threshold(String text, String name) {
        try {
            float value = Float.parseFloat(text);
            if (value >= 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("fragment method '" + name + "': the watershed thresholds are numbers in [0, 1], got '"
                + text + "'");
    }

    static SteepestAscent waterz() {
        return new SteepestAscent(WATERZ_LOW, WATERZ_HIGH);
    }
}
