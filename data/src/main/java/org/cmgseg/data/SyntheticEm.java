package org.cmgseg.data;

import java.util.List;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.Parallel;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;
import org.cmgseg.core.VoxelGrid;

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

    /** The passes over the voxels that {@link SliceLoop}s make: labelling, mitochondria, raw image (4), boundary map (5). */
    private static final int PASSES = 11;

    private SyntheticEm() {
    }

    /** Generates on all available processors. */
    public static SyntheticVolume generate(SyntheticParameters parameters) {
        return generate(parameters, RunContext.of(Parallel.availableThreads(), Progress.NONE));
    }

    /** Reports progress as task "synthetic volume", in voxels of its passes over the volume. */
    public static SyntheticVolume generate(SyntheticParameters parameters, RunContext context) {
        VoxelGrid grid = parameters.grid();
        double anisotropy = parameters.anisotropy();
        Task task = context.task("synthetic volume", PASSES * grid.voxels());
        SliceLoop slices = new SliceLoop(grid, context, task);
        List<Neurite> neurites = NeuriteTracer.trace(parameters);
        int[] owner = NeuriteLabelling.owners(parameters, neurites, slices);
        List<Mitochondrion> mitochondria = Mitochondria.place(neurites, parameters);
        float[] mitochondrionMask = Mitochondria.mask(mitochondria, neurites, owner, grid, anisotropy, slices);
        long[] labels = ConnectedLabels.of(grid, owner, minObjectVoxels(parameters));
        byte[] raw = RawImage.render(grid, labels, mitochondrionMask, parameters, slices);
        float[] boundary = BoundaryPrediction.render(grid, labels, mitochondrionMask, parameters, slices);
        double[] resolution = {SyntheticParameters.SLICE_NM, SyntheticParameters.PIXEL_NM, SyntheticParameters.PIXEL_NM};
        task.finish();
        return new SyntheticVolume(grid, resolution, raw, labels, boundary, AffinityGraph.fromBoundaryMap(grid, boundary));
    }

    /** Pieces of neurites smaller than one thin cross-section are not objects of their own. */
    private static int minObjectVoxels(SyntheticParameters parameters) {
        double radius = parameters.thinRadiusNm() / SyntheticParameters.PIXEL_NM;
        return (int) Math.ceil(Math.PI * radius * radius);
    }
}
