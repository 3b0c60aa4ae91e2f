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

/** The idx reader (MNIST, Fashion-MNIST) on small files in the real format, plain and gzip-compressed. */
class IdxReaderTest {

    @TempDir
    Path folder;

    private void write(boolean gzip) throws IOException {
        DataFilesWriter.idxImages(folder.resolve("train-images-idx3-ubyte"), 4, 28, 28, gzip);
        DataFilesWriter.idxLabels(folder.resolve("train-labels-idx1-ubyte"), new int[] {5, 0, 4, 1}, gzip);
        DataFilesWriter.idxImages(folder.resolve("t10k-images-idx3-ubyte"), 2, 28, 28, gzip);
        DataFilesWriter.idxLabels(folder.resolve("t10k-labels-idx1-ubyte"), new int[] {7, 2}, gzip);
    }

    @Test
    void readsPlainFiles() throws IOException {
        write(false);
        ImageDataset data = DataSource.load("mnist:" + folder);
        assertEquals("MNIST", data.name());
        assertArrayEquals(new int[] {5, 0, 4, 1}, data.train().labels());
        assertArrayEquals(new int[] {7, 2}, data.test().labels());
        assertEquals(1, data.train().channels());
        assertEquals(28, data.train().width());
        assertEquals(DataFilesWriter.pixel(3, 0, 27, 13), data.train().pixel(3, 0, 27, 13));
        assertEquals(DataFilesWriter.pixel(1, 0, 5, 6), data.test().pixel(1, 0, 5, 6));
    }

    @Test
    void readsGzipFilesAsDistributed() throws IOException {
        write(true);
        ImageDataset data = DataSource.load("fashion-mnist:" + folder);
        assertEquals("Fashion-MNIST", data.name());
        assertEquals(DataFilesWriter.pixel(2, 0, 10, 20), data.train().pixel(2, 0, 10, 20));
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        write(false);
        Files.delete(folder.resolve("t10k-labels-idx1-ubyte"));
        IOException e = assertThrows(IOException.class, () -> DataSource.load("mnist:" + folder));
        assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte") && e.getMessage().contains("idx format"), e.getMessage());
    }

    @Test
    void aWrongMagicNumberIsReported() throws IOException {
        write(false);
        // a label file where the image file should be
        DataFilesWriter.idxLabels(folder.resolve("train-images-idx3-ubyte"), new int[] {1, 2}, false);
        IOException e = assertThrows(IOException.class, () -> DataSource.load("mnist:" + folder));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte") && e.getMessage().contains("0x00000801"), e.getMessage());
    }

    @Test
    void aTruncatedFileIsReported() throws IOException {
        write(false);
        Path images = folder.resolve("train-images-idx3-ubyte");
        byte[] bytes = Files.readAllBytes(images);
        Files.write(images, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        IOException e = assertThrows(IOException.class, () -> DataSource.load("mnist:" + folder));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        write(false);
        DataFilesWriter.idxLabels(folder.resolve("train-labels-idx1-ubyte"), new int[] {5, 0, 4}, false);
        IOException e = assertThrows(IOException.class, () -> DataSource.load("mnist:" + folder));
        assertTrue(e.getMessage().contains("4 images") && e.getMessage().contains("3 labels"), e.getMessage());
    }
}
