package org.cmgseg.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.cmgseg.affinities.io.ArrayDataset;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.merge.MergeFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input fails before any work with a clear one-line IllegalArgumentException (the CLI's exit code 2). */
class BadInputTest {

    private static final VoxelGrid GRID = new VoxelGrid(4, 3, 2);
    private static final AffinityGraph AFFINITIES = new AffinityGraph(GRID, new float[3 * 24]);

    private static SegmentationOptions meanExact(double... thresholds) {
        return SegmentationOptions.of(MergeFunction.parse("mean"), QueueType.EXACT, thresholds);
    }

    private static String fails(Executable run) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, run);
        assertTrue(e.getMessage().indexOf('\n') < 0, "one line: " + e.getMessage());
        return e.getMessage();
    }

    private static Dataset dataset(long[] dimensions, DataType type) {
        long n = 1;
        for (long d : dimensions) {
            n *= d;
        }
        return new ArrayDataset(dimensions, type, type.allocate((int) n));
    }

    private static void run(SegmentationOptions options) throws IOException {
        SegmentationPipeline.run(AFFINITIES, options, RunContext.sequential());
    }

    @Test
    void affinitiesOfTheWrongShapeOrType() {
        assertEquals("the affinity volume has shape (2, 2, 3, 4); affinities have shape (3, z, y, x): select the nearest-neighbour "
                + "channels z, y, x with --channels (e.g. --channels 0,1,2)",
                fails(() -> SegmentationPipeline.run(dataset(new long[] {4, 3, 2, 2}, DataType.FLOAT32),
                        meanExact(0.5), RunContext.sequential())));
        assertEquals("the affinity volume has shape (3, 4); affinities have shape (3, z, y, x)",
                fails(() -> SegmentationPipeline.run(dataset(new long[] {4, 3}, DataType.FLOAT32),
                        meanExact(0.5), RunContext.sequential())));
        assertEquals("the affinity volume is int16; affinities and boundary maps are float32 or float64 in [0, 1], or uint8 "
                + "(read as value / 255)",
                fails(() -> SegmentationPipeline.run(dataset(new long[] {4, 3, 2, 3}, DataType.INT16),
                        meanExact(0.5), RunContext.sequential())));
    }

    /** float64 and uint8 affinities are converted (uint8 / 255) and give the float32 result. */
    @Test
    void convertibleAffinities() throws IOException {
        byte[] bytes = new byte[3 * 24];
        float[] floats = new float[3 * 24];
        double[] doubles = new double[3 * 24];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 37 % 256);
            floats[i] = (i * 37 % 256) / 255f;
            doubles[i] = floats[i];
        }
        long[] dims = {4, 3, 2, 3};
        SegmentationOptions options = meanExact(0.5);
        long[] expected = SegmentationPipeline.run(new AffinityGraph(GRID, floats), options, RunContext.sequential()).segmentation(0);
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(SegmentationPipeline.run(
                new ArrayDataset(dims, DataType.UINT8, bytes), options, RunContext.sequential()).segmentation(0)));
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(SegmentationPipeline.run(
                new ArrayDataset(dims, DataType.FLOAT64, doubles), options, RunContext.sequential()).segmentation(0)));
    }

    @Test
    void emptyVolumesAreRefused() {
        assertTrue(fails(() -> new VoxelGrid(0, 3, 2)).contains("volume sizes must be positive"));
        assertEquals("the affinity volume has shape (3, 0, 3, 4): it holds no voxels",
                fails(() -> SegmentationPipeline.run(dataset(new long[] {4, 3, 0, 3}, DataType.FLOAT32), meanExact(0.5),
                        RunContext.sequential())));
    }

    @Test
    void thresholds() {
        assertEquals("thresholds must be in [0, 1], got 1.5", fails(() -> run(meanExact(0.2, 1.5))));
        assertEquals("thresholds must be in [0, 1], got -0.1", fails(() -> run(meanExact(-0.1))));
        assertEquals("thresholds must be in [0, 1], got NaN", fails(() -> run(meanExact(Double.NaN))));
        assertEquals("no thresholds given; give at least one in [0, 1]", fails(() -> run(meanExact())));
    }

    @Test
    void unknownMergeFunctionOrQueue() {
        assertTrue(fails(() -> MergeFunction.parse("average"))
                .startsWith("unknown merge function 'average'; known: mean, max, min, max_10"));
        assertTrue(fails(() -> QueueType.parse("fifo")).startsWith("unknown queue 'fifo'; known: exact"));
    }

    @Test
    void fragmentsOfAnotherShapeOrType() {
        SegmentationOptions options = meanExact(0.5);
        assertEquals("the fragment volume has shape (2, 3, 5) but the affinities have (z, y, x) = (2, 3, 4)",
                fails(() -> run(options.withFragments(new FragmentMethod.Supplied(dataset(new long[] {5, 3, 2}, DataType.UINT64))))));
        assertEquals("f.h5:/frag is float32; fragments must be integer labels (uint64 or another integer type)",
                fails(() -> run(options.withFragments(new FragmentMethod.Supplied(dataset(new long[] {4, 3, 2}, DataType.FLOAT32), "f.h5:/frag")))));
    }

    @Test
    void otherOptions() {
        assertEquals("the watershed thresholds need low < high, got low 0.5, high 0.5",
                fails(() -> new FragmentMethod.SteepestAscent(0.5f, 0.5f)));
        assertEquals("threads must be at least 1, not 0", fails(() -> RunContext.of(0, Progress.NONE)));
    }
}
