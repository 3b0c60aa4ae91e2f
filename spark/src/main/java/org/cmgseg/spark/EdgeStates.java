package org.cmgseg.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.storage.StorageLevel;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.graph.RegionGraph;
import org.cmgseg.segmentation.merge.ContactArea;
import org.cmgseg.segmentation.merge.EdgeStatistic;
import org.cmgseg.segmentation.merge.FaceSink;
import org.cmgseg.segmentation.merge.MergeFunction;
import scala.Tuple2;

/**
 * The global region graph from the blocks' faces without the driver holding a face: the executors merge each edge's
 * faces in scan order and reduce them to its contact area and merge function's statistic state (a few bytes for most
 * functions); the driver collects the edges, then reads the states one partition at a time into the statistics the
 * agglomeration works on.
 */
final class EdgeStates {

    /** The graph, the contact areas and the statistic of every edge, as {@code segment} would have them. */
    record Graph(RegionGraph graph, ContactArea contact, EdgeStatistic statistic) {
    }

    private EdgeStates() {
    }

    /** {@code faces}: every block's faces keyed by edge (u, v packed); {@code nodes}: the fragments plus the background. */
    static Graph of(JavaPairRDD<Long, FaceList> faces, MergeFunction mergeFunction, int nodes) throws IOException {
        String function = mergeFunction.name();
        JavaPairRDD<Long, byte[]> states = faces.reduceByKey(FaceList::merge)
                .mapPartitionsToPair(edges -> reduce(edges, MergeFunction.parse(function)))
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        try {
            RegionGraph graph = graph(states, nodes);
            ContactArea contact = new ContactArea(graph.edges());
            EdgeStatistic statistic = mergeFunction.newStatistic(graph.edges());
            Iterator<Tuple2<Long, byte[]>> edges = states.toLocalIterator();
            while (edges.hasNext()) {
                Tuple2<Long, byte[]> edge = edges.next();
                int e = graph.find((int) (edge._1() >>> 32), (int) (long) edge._1());
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(edge._2()));
                contact.readState(e, in);
                statistic.readState(e, in);
            }
            return new Graph(graph, contact, statistic);
        } finally {
            states.unpersist(false);
        }
    }

    /** The graph of the edges: their keys collected as one array per partition, sorted on the driver. */
    private static RegionGraph graph(JavaPairRDD<Long, byte[]> states, int nodes) {
        List<long[]> keys = states.keys().mapPartitions(EdgeStates::packed).collect();
        long edges = keys.stream().mapToLong(k -> k.length).sum();
        if (edges > VoxelGrid.MAX_ARRAY_ELEMENTS) {
            throw new IllegalStateException("the region graph has " + edges + " edges, more than the driver's arrays index; "
                    + "agglomerate hierarchically (docs/spark-scaling.md)");
        }
        long[] pairs = new long[(int) edges];
        int filled = 0;
        for (long[] part : keys) {
            System.arraycopy(part, 0, pairs, filled, part.length);
            filled += part.length;
        }
        Arrays.sort(pairs);
        return RegionGraph.of(nodes, pairs);
    }

    /** Each edge's faces, in scan order, fed to a one-edge contact area and statistic, whose states are the edge's value. */
    private static Iterator<Tuple2<Long, byte[]>> reduce(Iterator<Tuple2<Long, FaceList>> edges, MergeFunction function) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return edges.hasNext();
            }

            @Override
            public Tuple2<Long, byte[]> next() {
                Tuple2<Long, FaceList> edge = edges.next();
                FaceList faces = edge._2();
                ContactArea contact = new ContactArea(1);
                EdgeStatistic statistic = function.newStatistic(1);
                FaceSink sink = FaceSink.both(contact, statistic);
                for (int i = 0; i < faces.size(); i++) {
                    sink.add(0, faces.affinity(i));
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    contact.writeState(0, out);
                    statistic.writeState(0, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return new Tuple2<>(edge._1(), bytes.toByteArray());
            }
        };
    }

    private static Iterator<long[]> packed(Iterator<Long> keys) {
        List<Long> list = new ArrayList<>();
        keys.forEachRemaining(list::add);
        return List.of(list.stream().mapToLong(Long::longValue).toArray()).iterator();
    }
}
