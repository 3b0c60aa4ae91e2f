package org.cmgseg.segmentation.merge;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A statistic of the affinities of every edge of a region graph, held for all edges at once in
 * primitive arrays. While the graph is built, {@link #add} receives each edge's voxel-face
 * affinities in scan order (concurrently for different edges); while regions merge, {@link #merge}
 * folds one edge's statistic into another's.
 */
public interface EdgeStatistic extends FaceSink {

    /** Makes the statistic of a graph of {@code edges} edges, all empty. */
    @FunctionalInterface
    interface Factory {
        EdgeStatistic create(int edges);
    }

    /** Folds edge {@code from} into edge {@code to}; returns whether the value of {@code to} may have changed. */
    boolean merge(int from, int to);

    float value(int edge);

    /**
     * Writes the state of one edge, which {@link #readState} puts into an edge of a statistic of the same merge function, in
     * another process too: how edges whose faces were fed elsewhere (the tasks of a cluster job) reach the agglomeration.
     */
    void writeState(int edge, DataOutput out) throws IOException;

    /** Gives an edge, still empty, the state {@link #writeState} wrote. */
    void readState(int edge, DataInput in) throws IOException;
}
