package org.cmgseg.training.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder after "mnist:" or "cifar10:" starting with ~ is in the home folder (the shell leaves it unexpanded there). */
class DataSourceTest {

    @TempDir
    Path home;

    private String realHome;

    @BeforeEach
    void pretendHome() {
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
    }

    @AfterEach
    void restoreHome() {
        System.setProperty("user.home", realHome);
    }

    @Test
    void tildeIsTheHomeFolder() throws IOException {
        Path folder = Files.createDirectories(home.resolve("data/mnist"));
        DataFilesWriter.idxImages(folder.resolve("train-images-idx3-ubyte"), 3, 28, 28, false);
        DataFilesWriter.idxLabels(folder.resolve("train-labels-idx1-ubyte"), new int[] {1, 2, 3}, false);
        DataFilesWriter.idxImages(folder.resolve("t10k-images-idx3-ubyte"), 2, 28, 28, false);
        DataFilesWriter.idxLabels(folder.resolve("t10k-labels-idx1-ubyte"), new int[] {4, 5}, false);
        ImageDataset data = DataSource.load("mnist:~/data/mnist");
        assertEquals(3, data.train().size());
        assertEquals(DataFilesWriter.pixel(2, 0, 7, 9), data.train().pixel(2, 0, 7, 9));
    }

    @Test
    void aMissingFolderIsNamedExpanded() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> DataSource.load("cifar10:~/no-such-folder"));
        assertEquals(home.resolve("no-such-folder").toString(), e.getFile());
    }

    @Test
    void aTildeInsideANameIsKept() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> DataSource.load("cifar10:~other/x"));
        assertEquals("~other/x", e.getFile());
    }
}
