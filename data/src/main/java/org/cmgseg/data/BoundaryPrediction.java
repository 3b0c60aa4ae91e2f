package org.cmgseg.data;

import org.cmgseg.core.VoxelGrid;

/**
 * A boundary probability map that looks like the output of a 3D U-Net: the true boundaries blurred, with
 * deliberate defects, turned into logits, disturbed by smooth noise that is partly independent from
 * section to section (so affinities across z are less reliable) and by a weak response to mitochondrial
 * membranes, and squashed with the logistic function.
 */
final class BoundaryPrediction {

    private static final double SIGMA_XY = 1.0;
    private static final double SIGMA_Z = 0.6;
    /** Logit = GAIN * (evidence - THRESHOLD), the evidence being the blurred boundary: about +4.5 on a membrane, -3 inside an object. */
    private static final double GAIN = 9;
    private static final double THRESHOLD = 0.35;
    /** Where only the neighbour across a section differs, the membrane runs nearly parallel to the sections and is faint. */
    private static final float FLAT_MEMBRANE = 0.5f;
    private static final double VOLUME_NOISE = 0.6;
    private static final double SECTION_NOISE = 1.5;
    private static final double VOXEL_NOISE = 0.25;
    /** Noise in the worst sections is this many times that in the best. */
    private static final double SECTION_QUALITY_RANGE = 2.5;
    private static final double MITOCHONDRION_RIM = 3;

    private BoundaryPrediction() {
    }

    /** {@code mitochondria} is their soft mask, 1 inside. */
    static float[] render(VoxelGrid grid, long[] labels, float[] mitochondria, SyntheticParameters parameters, SliceLoop slices) {
        float[] edges = LabelEdges.of(grid, labels, FLAT_MEMBRANE, slices);
        GaussianBlur.blurXY(edges, grid, SIGMA_XY, slices);
        float[] evidence = GaussianBlur.blurZ(edges, grid, SIGMA_Z, slices);
        PredictionDefects.add(evidence, labels, parameters);
        float[] logits = edges; // reused: the edges are not needed any more
        long noiseSeed = RandomStream.PREDICTION_NOISE.seed(parameters.seed());
        SmoothNoise volumeNoise = new SmoothNoise(CounterHash.hash(noiseSeed, 1), grid, 10, 10, 3);
        SmoothNoise sectionNoise = new SmoothNoise(CounterHash.hash(noiseSeed, 2), grid, 12, 12, 1);
        long qualitySeed = CounterHash.hash(noiseSeed, 3);
        long voxelSeed = CounterHash.hash(noiseSeed, 4);
        double noise = parameters.predictionNoise();
        int sizeX = grid.sizeX();
        int sizeY = grid.sizeY();
        slices.forSlices((zFrom, zTo) -> {
            for (int z = zFrom; z < zTo; z++) {
                double quality = (1 + (SECTION_QUALITY_RANGE - 1) * CounterHash.uniform(qualitySeed, z)) / SECTION_QUALITY_RANGE;
                for (int y = 0; y < sizeY; y++) {
                    for (int x = 0; x < sizeX; x++) {
                        int v = (z * sizeY + y) * sizeX + x;
                        double m = mitochondria[v];
                        logits[v] = (float) (GAIN * (evidence[v] - THRESHOLD) + MITOCHONDRION_RIM * 4 * m * (1 - m)
                                + noise * (VOLUME_NOISE * volumeNoise.at(x, y, z) + quality * SECTION_NOISE * sectionNoise.at(x, y, z)
                                        + VOXEL_NOISE * CounterHash.gaussian(voxelSeed, v)));
                    }
                }
            }
        });
        float[] boundary = evidence; // reused: the evidence is not needed any more
        slices.forSlices((zFrom, zTo) -> {
            int sliceSize = sizeX * sizeY;
            for (int v = zFrom * sliceSize; v < zTo * sliceSize; v++) {
                boundary[v] = (float) (1 / (1 + StrictMath.exp(-logits[v])));
            }
        });
        return boundary;
    }
}
