package org.cmgseg.segmentation.gridsearch;

import java.io.IOException;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.RunContext;
import org.cmgseg.segmentation.evaluate.FragmentContingency;
import org.cmgseg.segmentation.fragments.Fragments;
import org.cmgseg.segmentation.graph.EdgeFaces;
import org.cmgseg.segmentation.graph.RegionGraph;
import org.cmgseg.segmentation.graph.RegionGraphBuilder;

/**
 * What every agglomeration of one set of fragments shares: the fragments, their region graph, the
 * affinities of its boundary faces, and their contingency with the ground truth.
 */
record FragmentBasis(Fragments fragments, RegionGraph graph, EdgeFaces faces, FragmentContingency contingency) {

    static FragmentBasis build(Fragments fragments, AffinityGraph affinities, long[] groundTruth, RunContext context,
            GridSearchTimes times) throws IOException {
        long start = System.nanoTime();
        RegionGraph graph = RegionGraphBuilder.edges(fragments, context);
        start = times.lap("graph", start);
        EdgeFaces faces = EdgeFaces.of(graph, fragments, AffinitySource.of(affinities), context);
        start = times.lap("faces", start);
        FragmentContingency contingency = new FragmentContingency(groundTruth, fragments.ids(), fragments.count(), context);
        times.lap("contingency", start);
        return new FragmentBasis(fragments, graph, faces, contingency);
    }
}
