package org.cmgseg.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.cmgseg.affinities.io.ArrayDataset;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.merge.MergeFunction;
import org.junit.jupiter.api.Test;

/** The benchmark entry point reports what ran and how long each stage took (speed is not asserted). */
class BenchmarkTest {

    @Test
    void reportsStagesMemoryAndProblemSize() throws IOException {
        AffinityGraph graph = WaterzReference.affinities("affinities");
        VoxelGrid grid = graph.grid();
        ArrayDataset dataset = new ArrayDataset(new long[] {grid.sizeX(), grid.sizeY(), grid.sizeZ(), 3}, DataType.FLOAT32,
                graph.values());
        SegmentationOptions options = SegmentationOptions.of(MergeFunction.parse("median_aff_histograms"), new QueueType(256),
                0.1, 0.5, 0.9);
        BenchmarkReport report = SegmentationBenchmark.run(AffinitySource.of(dataset, "the volume"), options, RunContext.of(2, Progress.NONE));
        SegmentationResult reference = SegmentationPipeline.run(graph, options, RunContext.of(2, Progress.NONE));
        assertEquals(grid, report.grid());
        assertEquals("histogram:50:bins=256:maxinit", report.mergeFunction());
        assertEquals("bins:256", report.queue());
        assertEquals(3, report.thresholds());
        assertEquals(2382, report.fragments());
        assertEquals(9896, report.edges());
        assertEquals(reference.mergesAt(2), report.merges());
        StageTimes times = report.times();
        assertTrue(times.read() > 0 && times.fragments() > 0 && times.graph() > 0 && times.agglomeration() > 0, times.toString());
        assertTrue(report.totalSeconds() >= times.fragments() + times.graph() + times.agglomeration() + report.labelSeconds(),
                "reading overlaps the other stages, which do not overlap each other: " + report.summary());
        assertTrue(report.peakHeapBytes() > 4L * grid.voxels(), "the fragment volume alone is 4 bytes a voxel: " + report.summary());
        assertTrue(report.peakResidentBytes() == -1 || report.peakResidentBytes() > report.peakHeapBytes() / 2, report.summary());
        assertTrue(report.summary().startsWith("(z, y, x) = (50, 100, 200) histogram:50:bins=256:maxinit bins:256 threads=2"),
                report.summary());
    }
}
