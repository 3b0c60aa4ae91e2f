package org.cmgseg.affinities.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.SplittableRandom;
import org.cmgseg.affinities.io.ArrayDataset;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.core.RunContext;
import org.junit.jupiter.api.Test;

/** Selected channels are those of the source, and each source chunk is read (so decompressed) once per read. */
class AffinityChannelsTest {

    private static final long[] DIMS = {5, 4, 3, 6};
    private static final int CHUNK_CHANNELS = 3;

    /** Six channels in two chunks along c (0-2, 3-5); counts the reads that touch each chunk. */
    private record Counting(ArrayDataset data, int[] chunkReads) implements Dataset {

        @Override
        public DatasetInfo info() {
            return new DatasetInfo(DIMS, new int[] {5, 4, 3, CHUNK_CHANNELS}, DataType.FLOAT32, Compression.GZIP);
        }

        @Override
        public Object read(long[] offset, int[] size) throws IOException {
            for (long chunk = offset[3] / CHUNK_CHANNELS; chunk <= (offset[3] + size[3] - 1) / CHUNK_CHANNELS; chunk++) {
                chunkReads[(int) chunk]++;
            }
            return data.read(offset, size);
        }
    }

    @Test
    void eachChunkIsReadOnceWhateverTheOrderOfTheChannels() throws IOException {
        float[] values = new float[5 * 4 * 3 * 6];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        Counting source = new Counting(new ArrayDataset(DIMS, DataType.FLOAT32, values), new int[2]);
        int[] channels = {4, 1, 3};
        Dataset selected = AffinityChannels.select(new Containers.OpenDataset(null, source), DatasetAddress.parse("a.n5:/affinities"),
                channels, RunContext.sequential());

        float[] read = (float[]) selected.readAll();

        int voxels = 5 * 4 * 3;
        float[] expected = new float[voxels * channels.length];
        for (int c = 0; c < channels.length; c++) {
            System.arraycopy(values, channels[c] * voxels, expected, c * voxels, voxels);
        }
        assertArrayEquals(expected, read);
        assertArrayEquals(new int[] {1, 1}, source.chunkReads(), "reads per chunk");
        assertEquals(3, selected.info().dimensions()[3]);
    }
}
