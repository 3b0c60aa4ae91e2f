package org.cmgseg.training.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CIFAR binary readers on small files in the real format, and their messages for bad folders. */
class CifarReaderTest {

    @TempDir
    Path folder;

    private void writeCifar10(Path root) throws IOException {
        Files.createDirectories(root);
        for (int b = 1; b <= 5; b++) {
            DataFilesWriter.cifar(root.resolve("data_batch_" + b + ".bin"), 2 * (b - 1), new int[][] {{b}, {9 - b}});
        }
        DataFilesWriter.cifar(root.resolve("test_batch.bin"), 100, new int[][] {{3}, {0}, {7}});
    }

    @Test
    void readsCifar10ImagesAndLabelsInOrder() throws IOException {
        writeCifar10(folder);
        ImageDataset data = DataSource.load("cifar10:" + folder);
        assertEquals(10, data.classes());
        assertEquals(10, data.train().size());
        assertArrayEquals(new int[] {1, 8, 2, 7, 3, 6, 4, 5, 5, 4}, data.train().labels());
        assertArrayEquals(new int[] {3, 0, 7}, data.test().labels());
        assertEquals(3, data.train().channels());
        assertEquals(32, data.train().height());
        for (int image : new int[] {0, 5, 9}) {
            for (int[] at : new int[][] {{0, 0, 0}, {1, 5, 31}, {2, 31, 17}}) {
                assertEquals(DataFilesWriter.pixel(image, at[0], at[1], at[2]), data.train().pixel(image, at[0], at[1], at[2]));
            }
        }
        assertEquals(DataFilesWriter.pixel(102, 2, 3, 4), data.test().pixel(2, 2, 3, 4));
    }

    @Test
    void acceptsTheFolderTheArchiveUnpacksTo() throws IOException {
        writeCifar10(folder.resolve("cifar-10-batches-bin"));
        assertEquals(3, DataSource.load("cifar10:" + folder).test().size());
    }

    @Test
    void readsCifar100FineLabels() throws IOException {
        DataFilesWriter.cifar(folder.resolve("train.bin"), 0, new int[][] {{1, 42}, {19, 99}});
        DataFilesWriter.cifar(folder.resolve("test.bin"), 5, new int[][] {{0, 7}});
        ImageDataset data = DataSource.load("cifar100:" + folder);
        assertEquals(100, data.classes());
        assertArrayEquals(new int[] {42, 99}, data.train().labels());
        assertEquals(DataFilesWriter.pixel(1, 1, 2, 3), data.train().pixel(1, 1, 2, 3));
        assertArrayEquals(new int[] {7}, data.test().labels());
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        writeCifar10(folder);
        Files.delete(folder.resolve("data_batch_3.bin"));
        IOException e = assertThrows(IOException.class, () -> DataSource.load("cifar10:" + folder));
        assertTrue(e.getMessage().contains("data_batch_3.bin"), e.getMessage());
        assertTrue(e.getMessage().contains("CIFAR-10 binary version"), e.getMessage());
    }

    @Test
    void aFileOfTheWrongSizeIsNamed() throws IOException {
        writeCifar10(folder);
        Files.write(folder.resolve("test_batch.bin"), new byte[3072]);
        IOException e = assertThrows(IOException.class, () -> DataSource.load("cifar10:" + folder));
        assertTrue(e.getMessage().contains("test_batch.bin") && e.getMessage().contains("3073-byte records"), e.getMessage());
    }

    @Test
    void cifar100FilesReadAsCifar10FailOnTheirLabels() throws IOException {
        // a CIFAR-100 record read with CIFAR-10's record size: 2 records of 3074 bytes are not whole 3073-byte records
        DataFilesWriter.cifar(folder.resolve("data_batch_1.bin"), 0, new int[][] {{0, 50}});
        IOException e = assertThrows(IOException.class, () -> DataSource.load("cifar10:" + folder));
        assertTrue(e.getMessage().contains("data_batch_1.bin"), e.getMessage());
    }

    @Test
    void aLabelOutOfRangeIsReported() throws IOException {
        writeCifar10(folder);
        DataFilesWriter.cifar(folder.resolve("data_batch_2.bin"), 0, new int[][] {{4}, {12}});
        IOException e = assertThrows(IOException.class, () -> DataSource.load("cifar10:" + folder));
        assertTrue(e.getMessage().contains("data_batch_2.bin") && e.getMessage().contains("label 12"), e.getMessage());
    }

    @Test
    void aMissingFolderIsNamed() {
        Path missing = folder.resolve("nowhere");
        IOException e = assertThrows(IOException.class, () -> DataSource.load("cifar10:" + missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void unknownDataKindsListTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSource.load("imagenet:/data"));
        assertTrue(e.getMessage().contains("cifar10:DIR, cifar100:DIR, mnist:DIR, fashion-mnist:DIR, synthetic"), e.getMessage());
    }
}
