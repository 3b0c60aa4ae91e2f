package org.cmgseg.data;

/**
 * The independent random streams of a synthetic volume, each seeded from the master seed, so that a
 * change in one stage (say, more membrane gaps) leaves the others as they were.
 */
enum RandomStream {
    NEURITE_PACKING,
    LATERAL_FLOW,
    NEURITE_PATHS,
    OBLIQUE_NEURITES,
    MITOCHONDRIA,
    BOUNDARY_WARP,
    RAW_TEXTURE,
    RAW_SECTIONS,
    RAW_NOISE,
    PREDICTION_NOISE,
    MEMBRANE_GAPS,
    FALSE_BOUNDARIES;

    long seed(long masterSeed) {
        return CounterHash.hash(masterSeed, ordinal() + 1L);
    }
}
