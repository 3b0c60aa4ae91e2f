package org.cmgseg.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cmgseg.affinities.io.Boxes;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.testkit.RandomArrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Datasets written block by block through {@link BlockOutput}s, as tasks do, and committed by their creator. */
class HiddenDatasetsTest {

    private static final long[] VOLUME = {10, 7, 5};
    private static final DatasetInfo INFO = new DatasetInfo(VOLUME, new int[] {2, 3, 2}, DataType.UINT64, Compression.GZIP);

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"N5", "ZARR"})
    void blocksOfSeveralChunksWrittenInAnyOrderGiveTheVolumeOnCommitOnly(Format format, @TempDir Path dir) throws IOException {
        String group = dir.resolve("out" + format.extensions().get(0)) + ":/g";
        long[] values = (long[]) RandomArrays.fill(DataType.UINT64.allocate((int) (VOLUME[0] * VOLUME[1] * VOLUME[2])), 3);
        int[] volume = {10, 7, 5};
        JsonObject attributes = new JsonObject();
        attributes.addProperty("threshold", 0.5);
        try (HiddenDatasets datasets = HiddenDatasets.create(group, List.of("a"), INFO, new int[] {4, 6, 2})) {
            List<Block> blocks = Block.tiling(VOLUME, new int[] {4, 6, 2});
            for (int i = blocks.size() - 1; i >= 0; i--) {
                Block block = blocks.get(i);
                long[] part = new long[block.voxels()];
                int[] at = {(int) block.offset()[0], (int) block.offset()[1], (int) block.offset()[2]};
                Boxes.copy(values, volume, at, part, block.size(), new int[3], block.size());
                datasets.outputs().get(0).write(block, part);
                if (i == 1) {
                    datasets.outputs().get(0).write(block, part); // a retried task
                }
            }
            try (Container container = Containers.open(dir.resolve("out" + format.extensions().get(0)), format)) {
                assertFalse(container.isDataset("/g/a"), "visible before the commit");
            }
            datasets.commit(List.of(attributes));
        }
        try (Container container = Containers.open(dir.resolve("out" + format.extensions().get(0)), format)) {
            assertArrayEquals(values, (long[]) container.open("/g/a").readAll());
            assertEquals(0.5, container.attributes("/g/a").get("threshold").getAsDouble());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"N5", "ZARR"})
    void blocksThatCutChunksAreRefusedBeforeAnythingIsWritten(Format format, @TempDir Path dir) {
        Path container = dir.resolve("out" + format.extensions().get(0));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> HiddenDatasets.create(container + ":/g", List.of("a"), INFO, new int[] {4, 5, 2}));
        assertTrue(refused.getMessage().contains("must be multiples of the chunks"), refused.getMessage());
        assertFalse(Files.exists(container));
    }
}
