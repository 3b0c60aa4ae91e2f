package org.cmgseg.data;

import org.cmgseg.core.VoxelGrid;

/**
 * What {@link SyntheticEm} generates: the volume size, the seed, and a few knobs of the synthetic tissue
 * and of the simulated network output. Lengths are in nanometres; voxels are {@value #SLICE_NM} nm deep
 * and {@value #PIXEL_NM} nm wide, as in CREMI.
 *
 * @param grid                        the volume size
 * @param seed                        everything random derives from it
 * @param thinRadiusNm                median radius of the thin neurites (axons)
 * @param thickRadiusNm               median radius of the thick neurites (dendrites)
 * @param thickFraction               share of the section area taken by thick neurites, in [0, 1]
 * @param obliqueFraction             neurites running at a shallow angle to the sections, per neurite running along z
 * @param mitochondriaPerMicron       mitochondria per micrometre of neurite
 * @param membraneGapsPerMegavoxel    patches where the simulated network misses a real membrane (merge errors)
 * @param falseBoundariesPerMegavoxel membrane-like sheets the simulated network sees inside objects (split errors)
 * @param rawNoise                    standard deviation of the image noise, grey levels
 * @param predictionNoise             scale of the smooth noise on the simulated network's logits (1 = default)
 */
public record SyntheticParameters(VoxelGrid grid, long seed, double thinRadiusNm, double thickRadiusNm, double thickFraction,
                                  double obliqueFraction, double mitochondriaPerMicron, double membraneGapsPerMegavoxel,
                                  double falseBoundariesPerMegavoxel, double rawNoise, double predictionNoise) {

    public static final double SLICE_NM = 40;
    public static final double PIXEL_NM = 4;
    /** (z, y, x) = (64, 256, 256). */
    public static final VoxelGrid DEFAULT_GRID = new VoxelGrid(256, 256, 64);
    public static final long DEFAULT_SEED = 1;

    public SyntheticParameters {
        requirePositive(thinRadiusNm, "thinRadiusNm");
        requirePositive(thickRadiusNm, "thickRadiusNm");
        requireInRange(thickFraction, 0, 1, "thickFraction");
        requireInRange(obliqueFraction, 0, Double.MAX_VALUE, "obliqueFraction");
        requireInRange(mitochondriaPerMicron, 0, Double.MAX_VALUE, "mitochondriaPerMicron");
        requireInRange(membraneGapsPerMegavoxel, 0, Double.MAX_VALUE, "membraneGapsPerMegavoxel");
        requireInRange(falseBoundariesPerMegavoxel, 0, Double.MAX_VALUE, "falseBoundariesPerMegavoxel");
        requireInRange(rawNoise, 0, Double.MAX_VALUE, "rawNoise");
        requireInRange(predictionNoise, 0, Double.MAX_VALUE, "predictionNoise");
    }

    public static SyntheticParameters defaults() {
        return new SyntheticParameters(DEFAULT_GRID, DEFAULT_SEED, 50, 150, 0.25, 0.1, 0.15, 15, 20, 12, 1);
    }

    public SyntheticParameters withGrid(VoxelGrid newGrid) {
        return new SyntheticParameters(newGrid, seed, thinRadiusNm, thickRadiusNm, thickFraction, obliqueFraction, mitochondriaPerMicron,
                membraneGapsPerMegavoxel, falseBoundariesPerMegavoxel, rawNoise, predictionNoise);
    }

    public SyntheticParameters withSeed(long newSeed) {
        return new SyntheticParameters(grid, newSeed, thinRadiusNm, thickRadiusNm, thickFraction, obliqueFraction, mitochondriaPerMicron,
                membraneGapsPerMegavoxel, falseBoundariesPerMegavoxel, rawNoise, predictionNoise);
    }

    /** The same volume with other defect rates; (0, 0) gives a network output without deliberate mistakes. */
    public SyntheticParameters withDefects(double gapsPerMegavoxel, double falseBoundariesPerMegavoxel) {
        return new SyntheticParameters(grid, seed, thinRadiusNm, thickRadiusNm, thickFraction, obliqueFraction, mitochondriaPerMicron,
                gapsPerMegavoxel, falseBoundariesPerMegavoxel, rawNoise, predictionNoise);
    }

    /** Section thickness over pixel size: how many in-plane pixels one step in z spans. */
    double anisotropy() {
        return SLICE_NM / PIXEL_NM;
    }

    private static void requirePositive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
    }

    private static void requireInRange(double value, double min, double max, String name) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
