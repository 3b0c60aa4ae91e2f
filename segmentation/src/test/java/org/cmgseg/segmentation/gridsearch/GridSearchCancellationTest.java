package org.cmgseg.segmentation.gridsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.Datasets;
import org.cmgseg.affinities.io.n5.N5Container;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.Cancelled;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.NoiseAffinities;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.testkit.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A grid search cancelled in its first curve stops within it, leaving no curve's rows and no best.json. */
class GridSearchCancellationTest {

    @TempDir
    Path folder;

    @Test
    void aCancelledSearchStopsInsideACurve() throws Exception {
        VoxelGrid grid = new VoxelGrid(48, 48, 16);
        Path n5 = folder.resolve("volumes.n5");
        try (Container container = N5Container.openForWriting(n5)) {
            AffinityGraph affinities = NoiseAffinities.of(grid, 7);
            write(container, "/affinities", new long[] {AffinityGraph.CHANNELS, grid.sizeZ(), grid.sizeY(), grid.sizeX()}, DataType.FLOAT32, affinities.values());
            long[] labels = new long[(int) grid.voxels()];
            for (int v = 0; v < labels.length; v++) {
                labels[v] = 1 + v % grid.sizeX() / 12 + 4L * (v / grid.sizeX() % grid.sizeY() / 12);
            }
            write(container, "/labels", grid.shape(), DataType.UINT64, labels);
        }
        GridInputs inputs = new GridInputs(n5 + ":/affinities", n5 + ":/labels", FragmentMethod.waterz(), false, null, null, null, null);
        GridSpec spec = new GridSpec(new double[] {0.3, 0.8}, new double[] {0.2, 0.5}, List.of("median_aff", "mean"), new QueueType(256),
                new double[] {0.1, 0.5, 0.9});
        Path run = folder.resolve("run");
        AtomicReference<RunContext> context = new AtomicReference<>();
        Cancellation.Trigger trigger = new Cancellation.Trigger(1, () -> context.get().cancel());
        context.set(RunContext.of(2, (task, done, total) -> {
            if (task.equals("curves")) {
                trigger.report();
            }
        }));
        GridSearch search = GridSearch.prepare(inputs, spec, run, context.get());
        Cancellation.assertStops(Cancelled.class, trigger, search::run);
        assertEquals(1, Files.readAllLines(run.resolve(GridSearch.RESULTS_FILE)).size(), "the header alone");
        assertFalse(Files.exists(run.resolve(GridSearch.BEST_FILE)));
    }

    private static void write(Container container, String name, long[] shape, DataType type, Object values) throws IOException {
        int[] chunks = new int[shape.length];
        java.util.Arrays.fill(chunks, 16);
        try (DatasetWriter writer = container.create(name, DatasetInfo.ofShape(shape, chunks, type, Compression.RAW))) {
            Datasets.writeAll(writer, values);
            writer.commit();
        }
    }
}
