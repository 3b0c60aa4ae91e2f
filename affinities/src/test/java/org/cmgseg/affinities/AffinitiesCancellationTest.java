package org.cmgseg.affinities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.Datasets;
import org.cmgseg.affinities.io.n5.N5Container;
import org.cmgseg.cmg.LogitMethod;
import org.cmgseg.core.Cancelled;
import org.cmgseg.core.RunContext;
import org.cmgseg.testkit.Cancellation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chunked read and the blockwise soft threshold stop soon after a cancel, and the transform leaves no output. */
class AffinitiesCancellationTest {

    @TempDir
    Path folder;

    private final AtomicReference<RunContext> context = new AtomicReference<>();
    private Cancellation.Trigger trigger;

    /** Two threads; cancelled at the first progress report, which each step makes when it starts. */
    @BeforeEach
    void cancellingContext() {
        trigger = new Cancellation.Trigger(1, () -> context.get().cancel());
        context.set(RunContext.of(2, (task, done, total) -> trigger.report()));
    }

    /** Affinities (3, 32, 64, 64) in 8 x 16 x 16 chunks: 384 of them. */
    private Path affinities() throws IOException {
        Path path = folder.resolve("input.n5");
        DatasetInfo info = DatasetInfo.ofShape(new long[] {3, 32, 64, 64}, new int[] {1, 8, 16, 16}, DataType.FLOAT32, Compression.GZIP);
        try (Container n5 = N5Container.openForWriting(path); DatasetWriter writer = n5.create("/affinities", info)) {
            float[] values = new float[3 * 32 * 64 * 64];
            for (int i = 0; i < values.length; i++) {
                values[i] = i % 97 / 96f;
            }
            Datasets.writeAll(writer, values);
            writer.commit();
        }
        return path;
    }

    @Test
    void aChunkedReadStopsBetweenChunks() throws Exception {
        Path path = affinities();
        try (Container n5 = N5Container.open(path)) {
            Cancellation.assertStops(Cancelled.class, trigger, () -> n5.open("/affinities").readAll(context.get()));
        }
    }

    @Test
    void theSoftThresholdStopsBetweenBlocksAndLeavesNoDataset() throws Exception {
        Path path = affinities();
        try (Container n5 = N5Container.openForWriting(path)) {
            ProbabilityView input = ProbabilityView.of(n5.open("/affinities"), NonFinitePolicy.FAIL, "the affinities");
            DatasetInfo info = DatasetInfo.ofShape(new long[] {3, 32, 64, 64}, new int[] {1, 8, 16, 16}, DataType.FLOAT32, Compression.GZIP);
            Cancellation.assertStops(Cancelled.class, trigger, () -> {
                try (DatasetWriter writer = n5.create("/cmg", info)) {
                    SoftThreshold.apply(input, writer, SoftThreshold.curve(0.4, 0.3, new ValueRange(0, 1), LogitMethod.EXACT), context.get());
                    writer.commit();
                }
                return null;
            });
        }
        try (Stream<Path> entries = Files.list(path)) {
            assertEquals(List.of("affinities", "attributes.json"), entries.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
