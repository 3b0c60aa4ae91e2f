package org.cmgseg.data;

import org.cmgseg.core.VoxelGrid;

/**
 * The EM-like image, 8-bit: bright textured cytoplasm with a tone per object, dark membranes where the
 * labels change (greyer and wider where a membrane runs oblique to the sections), dark textured
 * mitochondria with a darker rim, a gain, offset and shading of its own in every section, and noise.
 */
final class RawImage {

    private static final double CYTOPLASM = 185;
    private static final double TONE_SPREAD = 15;
    private static final double COARSE_TEXTURE = 10;
    private static final double FINE_TEXTURE = 5;
    /** Share of the brightness a membrane takes away at its centre. */
    private static final double MEMBRANE_DARKENING = 0.62;
    /** The blurred two-voxel membrane band peaks near 0.72; this brings its centre to full darkness. */
    private static final float MEMBRANE_SCALE = 1.35f;
    private static final float OBLIQUE_MEMBRANE = 0.4f;
    private static final double MEMBRANE_SIGMA_XY = 0.8;
    private static final double MEMBRANE_SIGMA_Z = 0.5;
    private static final double MITOCHONDRION = 100;
    private static final double CRISTAE = 20;
    private static final double MITOCHONDRION_RIM = 40;
    private static final double SECTION_GAIN = 0.06;
    private static final double SECTION_OFFSET = 8;
    private static final double SECTION_SHADING = 10;

    private RawImage() {
    }

    /** {@code mitochondria} is their soft mask, 1 inside. */
    static byte[] render(VoxelGrid grid, long[] labels, float[] mitochondria, SyntheticParameters parameters, SliceLoop slices) {
        float[] edges = LabelEdges.of(grid, labels, OBLIQUE_MEMBRANE, slices);
        GaussianBlur.blurXY(edges, grid, MEMBRANE_SIGMA_XY, slices);
        float[] membrane = GaussianBlur.blurZ(edges, grid, MEMBRANE_SIGMA_Z, slices);
        long textureSeed = RandomStream.RAW_TEXTURE.seed(parameters.seed());
        long sectionSeed = RandomStream.RAW_SECTIONS.seed(parameters.seed());
        long noiseSeed = RandomStream.RAW_NOISE.seed(parameters.seed());
        SmoothNoise coarse = new SmoothNoise(CounterHash.hash(textureSeed, 1), grid, 6, 6, 1.5);
        SmoothNoise fine = new SmoothNoise(CounterHash.hash(textureSeed, 2), grid, 2.5, 2.5, 1);
        long toneSeed = CounterHash.hash(textureSeed, 3);
        int sizeX = grid.sizeX();
        int sizeY = grid.sizeY();
        double noise = parameters.rawNoise();
        byte[] raw = new byte[labels.length];
        slices.forSlices((zFrom, zTo) -> {
            for (int z = zFrom; z < zTo; z++) {
                double gain = 1 + SECTION_GAIN * CounterHash.signed(sectionSeed, 4L * z);
                double offset = SECTION_OFFSET * CounterHash.signed(sectionSeed, 4L * z + 1);
                double shadingX = SECTION_SHADING * CounterHash.signed(sectionSeed, 4L * z + 2) / sizeX;
                double shadingY = SECTION_SHADING * CounterHash.signed(sectionSeed, 4L * z + 3) / sizeY;
                for (int y = 0; y < sizeY; y++) {
                    for (int x = 0; x < sizeX; x++) {
                        int v = (z * sizeY + y) * sizeX + x;
                        double fineTexture = fine.at(x, y, z);
                        double value = CYTOPLASM + TONE_SPREAD * CounterHash.signed(toneSeed, labels[v])
                                + COARSE_TEXTURE * coarse.at(x, y, z) + FINE_TEXTURE * fineTexture;
                        value *= 1 - MEMBRANE_DARKENING * Math.min(1f, MEMBRANE_SCALE * membrane[v]);
                        double inMitochondrion = mitochondria[v];
                        if (inMitochondrion > 0) {
                            double inner = MITOCHONDRION + CRISTAE * fineTexture;
                            value = value * (1 - inMitochondrion) + inner * inMitochondrion
                                    - MITOCHONDRION_RIM * 4 * inMitochondrion * (1 - inMitochondrion);
                        }
                        value = value * gain + offset + shadingX * (x - sizeX / 2.0) + shadingY * (y - sizeY / 2.0);
                        value += noise * CounterHash.gaussian(noiseSeed, v);
                        raw[v] = (byte) Math.round(Math.min(255, Math.max(0, value)));
                    }
                }
            }
        });
        return raw;
    }
}
