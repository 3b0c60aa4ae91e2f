package org.cmgseg.segmentation.merge;

/**
 * Takes the affinities of a region graph's voxel faces edge by edge, each edge's in scan order; calls
 * for different edges may come concurrently.
 */
@FunctionalInterface
public interface FaceSink {

    void add(int edge, float affinity);

    /** Gives every face to {@code first}, then to {@code second}. */
    static FaceSink both(FaceSink first, FaceSink second) {
        return (edge, affinity) -> {
            first.add(edge, affinity);
            second.add(edge, affinity);
        };
    }
}
