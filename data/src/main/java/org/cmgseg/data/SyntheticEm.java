package org.cmgseg.data;

import java.util.List;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.core.Parallel;

/**
 * The built-in dataset: a deterministic synthetic EM volume of densely packed neurites, with an image,
 * ground truth and the output of a simulated boundary-predicting network.
 * <p>
 * Neurites are smooth 3D centre lines with varying radii, most running along z with a common sideways
 * drift, a few at a shallow angle to the sections. Every voxel goes to the neurite whose tube surface is
 * nearest, and disconnected pieces become objects of their own. The image and the network output are
 * drawn from these labels; the affinities come from the network's boundary map.
 * <p>
 * The same parameters give the same bytes on any machine and for any thread count: all randomness comes
 * from the seed, through {@link java.util.SplittableRandom} in sequential stages and counter-based hashes
 * in parallel ones, and every parallel stage writes each z-slice from one thread.
 */
public final class SyntheticEm {

    private SyntheticEm() {
    }

    /** Generates on all available processors. */
    public static SyntheticVolume generate(SyntheticParameters parameters) {
        return generate(parameters, Parallel.availableThreads());
    }

    public static SyntheticVolume generate(SyntheticParameters parameters, int threads) {
        VoxelGrid grid = parameters.grid();
        double anisotropy = parameters.anisotropy();
        List<Neurite> neurites = NeuriteTracer.trace(parameters);
        int[] owner = NeuriteLabelling.owners(parameters, neurites, threads);
        List<Mitochondrion> mitochondria = Mitochondria.place(neurites, parameters);
        float[] mitochondrionMask = Mitochondria.mask(mitochondria, neurites, owner, grid, anisotropy, threads);
        long[] labels = ConnectedLabels.of(grid, owner, minObjectVoxels(parameters));
        byte[] raw = RawImage.render(grid, labels, mitochondrionMask, parameters, threads);
        float[] boundary = BoundaryPrediction.render(grid, labels, mitochondrionMask, parameters, threads);
        double[] resolution = {SyntheticParameters.SLICE_NM, SyntheticParameters.PIXEL_NM, SyntheticParameters.PIXEL_NM};
        return new SyntheticVolume(grid, resolution, raw, labels, boundary, AffinityGraph.fromBoundaryMap(grid, boundary));
    }

    /** Pieces of neurites smaller than one thin cross-section are not objects of their own. */
    private static int minObjectVoxels(SyntheticParameters parameters) {
        double radius = parameters.thinRadiusNm() / SyntheticParameters.PIXEL_NM;
        return (int) Math.ceil(Math.PI * radius * radius);
    }
}
