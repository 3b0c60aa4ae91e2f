package org.cmgseg.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.merge.MergeFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A volume of 2048 x 2048 x 1024 voxels (2^32, beyond int indexing) declared as N5 with only the chunks of its last block
 * written: the tiling, the checks before a job, and a task's reads and face positions there, without allocating the volume.
 */
class LargeVolumeTest {

    private static final long[] VOLUME = {2048, 2048, 1024};
    private static final int[] BLOCK = {16, 16, 8};
    /** The two fragments of the last block meet at this x. */
    private static final int CUT = 2040;

    @TempDir
    Path folder;

    @Test
    void theTilingReachesTheLastVoxel() {
        List<Block> blocks = Block.tiling(VOLUME, BLOCK);
        assertEquals(128 * 128 * 128, blocks.size());
        Block last = blocks.get(blocks.size() - 1);
        assertArrayEquals(new long[] {2032, 2032, 1016}, last.offset());
        assertArrayEquals(BLOCK, last.size());
        assertEquals(VOLUME[0] * VOLUME[1] * VOLUME[2], blocks.stream().mapToLong(Block::voxels).sum());
    }

    @Test
    void theLastBlocksFacesAreReadAtTheirLongPositions() throws IOException {
        Path n5 = folder.resolve("large.n5");
        String affinities = n5 + ":/affinities";
        String fragments = n5 + ":/fragments";
        Block last = Block.tiling(VOLUME, BLOCK).get(128 * 128 * 128 - 1);
        try (Container container = Containers.openForWriting(n5, Format.N5)) {
            writeLastChunks(container);
        }
        BlockwiseSegmentation.Options options = new BlockwiseSegmentation.Options(affinities, fragments, n5 + ":/out",
                MergeFunction.parse("mean"), QueueType.EXACT, new float[] {0.5f}, BLOCK);
        assertArrayEquals(VOLUME, BlockwiseSegmentation.check(options));

        long[] labels = {7, 9};
        Map<Long, FaceList> faces = BlockFaces.of(BlockAffinities.asStored(affinities), fragments, last, VOLUME, labels);
        assertEquals(List.of(1L << 32 | 2), List.copyOf(faces.keySet()));
        FaceList list = faces.get(1L << 32 | 2);
        assertEquals(BLOCK[1] * BLOCK[2], list.size());
        for (int z = 0; z < BLOCK[2]; z++) {
            for (int y = 0; y < BLOCK[1]; y++) {
                int i = z * BLOCK[1] + y;
                long voxel = ((1016L + z) * VOLUME[1] + 2032 + y) * VOLUME[0] + CUT;
                assertEquals(3 * voxel + 2, list.position(i), "face " + i);
                assertEquals(xAffinity(z, y), list.affinity(i), "face " + i);
            }
        }
        assertTrue(list.position(0) > 3L * Integer.MAX_VALUE, "the positions lie beyond int");
    }

    @Test
    void aBlockBeyondOneArrayIsRefusedBeforeAnyJob() throws IOException {
        Path n5 = folder.resolve("large.n5");
        try (Container container = Containers.openForWriting(n5, Format.N5)) {
            writeLastChunks(container);
        }
        BlockwiseSegmentation.Options options = new BlockwiseSegmentation.Options(n5 + ":/affinities", n5 + ":/fragments", n5 + ":/out",
                MergeFunction.parse("mean"), QueueType.EXACT, new float[] {0.5f}, new int[] {2048, 2048, 512});
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> BlockwiseSegmentation.check(options));
        assertTrue(refused.getMessage().startsWith("--block-size"), refused.getMessage());
    }

    /** The x-affinity of the last block's voxel (z, y) within it: distinct per face. */
    private static float xAffinity(int z, int y) {
        return (z * BLOCK[1] + y + 1) / 1000f;
    }

    /** Fragments 7 (x < CUT) and 9 in the last block and its lower halo; the last block's affinities. Every other chunk is absent. */
    private static void writeLastChunks(Container container) throws IOException {
        try (DatasetWriter writer = container.create("/fragments", new DatasetInfo(VOLUME, BLOCK, DataType.UINT64, Compression.GZIP))) {
            for (long cz = 1008; cz < 1024; cz += BLOCK[2]) {
                for (long cy = 2016; cy < 2048; cy += BLOCK[1]) {
                    for (long cx = 2016; cx < 2048; cx += BLOCK[0]) {
                        long[] chunk = new long[BLOCK[0] * BLOCK[1] * BLOCK[2]];
                        for (int i = 0; i < chunk.length; i++) {
                            chunk[i] = cx + i % BLOCK[0] < CUT ? 7 : 9;
                        }
                        writer.write(new long[] {cx, cy, cz}, BLOCK, chunk);
                    }
                }
            }
            writer.commit();
        }
        long[] dimensions = {VOLUME[0], VOLUME[1], VOLUME[2], 3};
        int[] chunkSize = {BLOCK[0], BLOCK[1], BLOCK[2], 3};
        try (DatasetWriter writer = container.create("/affinities", new DatasetInfo(dimensions, chunkSize, DataType.FLOAT32, Compression.GZIP))) {
            float[] chunk = new float[3 * BLOCK[0] * BLOCK[1] * BLOCK[2]];
            for (int z = 0; z < BLOCK[2]; z++) {
                for (int y = 0; y < BLOCK[1]; y++) {
                    for (int x = 0; x < BLOCK[0]; x++) {
                        int voxel = (z * BLOCK[1] + y) * BLOCK[0] + x;
                        chunk[2 * BLOCK[0] * BLOCK[1] * BLOCK[2] + voxel] = xAffinity(z, y);
                        chunk[voxel] = 0.5f;
                        chunk[BLOCK[0] * BLOCK[1] * BLOCK[2] + voxel] = 0.5f;
                    }
                }
            }
            writer.write(new long[] {2032, 2032, 1016, 0}, chunkSize, chunk);
            writer.commit();
        }
    }
}
