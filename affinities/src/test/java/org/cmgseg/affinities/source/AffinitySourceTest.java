package org.cmgseg.affinities.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cmgseg.affinities.io.ArrayDataset;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Slabs cover whole chunks, so a pass over the volume reads each chunk once, on the thread count of the pass's context. */
class AffinitySourceTest {

    /** A dataset with a given block size and compression that records the regions and thread counts it is asked for. */
    record Recording(ArrayDataset data, DatasetInfo info, List<long[]> reads) implements Dataset {

        @Override
        public Object read(long[] offset, int[] size) throws IOException {
            return read(offset, size, RunContext.sequential());
        }

        @Override
        public Object read(long[] offset, int[] size, RunContext context) throws IOException {
            reads.add(new long[] {offset[2], size[2], context.threads()});
            return data.read(offset, size);
        }
    }

    private static Recording recording(int sizeZ, int chunkZ, Compression compression) {
        long[] dims = {12, 10, sizeZ, 3};
        float[] values = new float[12 * 10 * sizeZ * 3];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(); // affinities lie in [0, 1]
        }
        return new Recording(new ArrayDataset(dims, DataType.FLOAT32, values),
                new DatasetInfo(dims, new int[] {12, 10, chunkZ, 3}, DataType.FLOAT32, compression), new ArrayList<>());
    }

    @Test
    void compressedSlabsAreOneChunkDeepAndReadOnTheContextsThreads() throws IOException {
        Recording dataset = recording(11, 4, Compression.GZIP);
        AffinitySource source = AffinitySource.of(dataset, "the test volume");
        assertEquals(4, source.slabDepth());
        try (SlabStream slabs = source.slabs(RunContext.of(3, Progress.NONE))) {
            while (slabs.hasNext()) {
                slabs.next();
            }
        }
        assertEquals(3, dataset.reads().size());
        long[][] expected = {{0, 4, 3}, {4, 4, 3}, {8, 3, 3}};
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], dataset.reads().get(i), "slab " + i);
        }
    }

    /** Raw data is read ahead into two buffers in turn, compressed data into one; either way every pass sees the volume. */
    @ParameterizedTest
    @ValueSource(strings = {"raw", "gzip"})
    void everyPassOverReusedBuffersSeesTheVolume(String codec) throws IOException {
        Recording dataset = recording(11, 4, Compression.parse(codec));
        float[] volume = (float[]) dataset.data().read(new long[4], new int[] {12, 10, 11, 3});
        AffinitySource source = AffinitySource.of(dataset, 4);
        int slice = 12 * 10;
        for (int pass = 0; pass < 2; pass++) {
            try (SlabStream slabs = source.slabs(RunContext.sequential())) {
                for (int z0 = 0; slabs.hasNext(); z0 += 4) {
                    AffinitySlab slab = slabs.next();
                    for (int c = 0; c < 3; c++) {
                        for (int v = z0 * slice; v < Math.min(z0 + 4, 11) * slice; v++) {
                            assertEquals(volume[c * 11 * slice + v], slab.values()[slab.offset(c) + v], "pass " + pass + " voxel " + v);
                        }
                    }
                }
            }
        }
        assertEquals(6, dataset.reads().size(), "three slabs a pass");
    }

    @Test
    void rawSlabsAreAsManyWholeChunksAsMakeAboutAMegavoxel() {
        assertEquals(11, AffinitySource.of(recording(11, 4, Compression.RAW), "the test volume").slabDepth(), "all of a small volume");
        assertEquals(8192, AffinitySource.of(unread(9000, 4096), 0).slabDepth(), "two chunks of 120 x 4096 voxels");
        assertEquals(5000, AffinitySource.of(unread(9000, 5000), 0).slabDepth(), "one chunk, though more than a megavoxel");
    }

    /** A raw dataset whose slab depth is asked for, never its values. */
    private static Recording unread(int sizeZ, int chunkZ) {
        long[] dims = {12, 10, sizeZ, 3};
        return new Recording(null, new DatasetInfo(dims, new int[] {12, 10, chunkZ, 1}, DataType.FLOAT32, Compression.RAW), new ArrayList<>());
    }
}
