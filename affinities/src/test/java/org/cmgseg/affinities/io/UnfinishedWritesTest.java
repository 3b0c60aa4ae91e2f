package org.cmgseg.affinities.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.stream.Stream;
import org.cmgseg.testkit.PythonZarr;
import org.cmgseg.testkit.RandomArrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What an unfinished write leaves: nothing a reader takes for an array, and nothing a later run does not remove. */
class UnfinishedWritesTest {

    private static final DatasetInfo INFO = new DatasetInfo(new long[] {8, 4, 2}, new int[] {4, 4, 2}, DataType.UINT16, Compression.GZIP);

    private static List<String> hidden(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && !n.startsWith(".z")).sorted().toList();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"N5", "ZARR"})
    void anUncommittedDatasetIsNoArrayForPythonZarrAndCarriesThePid(Format format, @TempDir Path dir) throws Exception {
        PythonZarr.requireAvailable();
        Path path = dir.resolve("c" + format.extensions().get(0));
        try (Container container = Containers.openForWriting(path, format); DatasetWriter writer = container.create("/g/d", INFO)) {
            Datasets.writeAll(writer, RandomArrays.fill(DataType.UINT16.allocate(64), 5));
            List<String> partial = hidden(path.resolve("g"));
            assertEquals(1, partial.size(), partial.toString());
            assertTrue(partial.get(0).startsWith(".d." + ProcessHandle.current().pid() + "."), partial.get(0));
            String target = path + ":/g/" + partial.get(0);
            String answer = PythonZarr.hashes(List.of(target)).get(target);
            assertTrue(answer.startsWith("failed:"), "python zarr must not open an unfinished write as an array: " + answer);
        }
        assertEquals(List.of(), hidden(path.resolve("g")), "closing without commit removes the unfinished write");
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"N5", "ZARR"})
    void aNewWriteRemovesTheLeftoversOfDeadProcessesOnly(Format format, @TempDir Path dir) throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path path = dir.resolve("c" + format.extensions().get(0));
        Path group = Files.createDirectories(path.resolve("g"));
        Path dead = Files.createDirectories(group.resolve(".d." + finished.pid() + ".1f.partial/0/0"));
        Path deadFile = group.resolve(".notes.csv." + finished.pid() + ".2e.partial");
        Files.writeString(deadFile, "a,b\n");
        Path alive = Files.createDirectories(group.resolve(".e." + ProcessHandle.current().pid() + ".3d.partial"));
        try (Container container = Containers.openForWriting(path, format); DatasetWriter writer = container.create("/g/d", INFO)) {
            Datasets.writeAll(writer, RandomArrays.fill(DataType.UINT16.allocate(64), 5));
            writer.commit();
        }
        assertFalse(Files.exists(dead.getParent().getParent()), "a dead process's folder is removed");
        assertFalse(Files.exists(deadFile), "a dead process's file is removed");
        assertTrue(Files.isDirectory(alive), "a write of a running process is kept");
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"N5", "ZARR"})
    void blocksWrittenByAJoinedWriterAppearOnlyWithTheCreatorsCommit(Format format, @TempDir Path dir) throws Exception {
        Path path = dir.resolve("c" + format.extensions().get(0));
        Object values = RandomArrays.fill(DataType.UINT16.allocate(64), 7);
        BlockGrid grid = new BlockGrid(INFO.dimensions(), INFO.blockSize());
        try (Container container = Containers.openForWriting(path, format); DatasetWriter creator = container.create("/g/d", INFO)) {
            Path partial = ((FolderDatasetWriter) creator).partialFolder();
            for (long b = 0; b < grid.blocks(); b++) {
                long[] position = grid.position(b);
                int[] size = grid.size(position);
                Object block = DataType.UINT16.allocate(size[0] * size[1] * size[2]);
                int[] offset = Arrays.stream(grid.offset(position)).mapToInt(o -> (int) o).toArray();
                Boxes.copy(values, new int[] {8, 4, 2}, offset, block, size, new int[3], size);
                try (DatasetWriter joined = Containers.joinPartial(format, partial, INFO)) {
                    joined.write(grid.offset(position), size, block);
                    assertThrows(IOException.class, joined::commit, "only the creator commits");
                }
                assertTrue(Files.isDirectory(partial), "closing a joined writer leaves the folder to its creator");
            }
            assertFalse(container.isDataset("/g/d"), "nothing visible before the commit");
            creator.commit();
            assertArrayEquals((short[]) values, (short[]) container.open("/g/d").readAll());
            IOException late = assertThrows(IOException.class, () -> Containers.joinPartial(format, partial, INFO));
            assertTrue(late.getMessage().contains(partial.toString()), late.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"N5", "ZARR"})
    void aCreatorRemovesItsFolderEvenWhileAJoinedWriterStillAddsBlocks(Format format, @TempDir Path dir) throws Exception {
        Path path = dir.resolve("c" + format.extensions().get(0));
        BlockGrid grid = new BlockGrid(INFO.dimensions(), INFO.blockSize());
        Object block = RandomArrays.fill(DataType.UINT16.allocate(4 * 4 * 2), 3);
        try (Container container = Containers.openForWriting(path, format)) {
            for (int round = 0; round < 20; round++) {
                DatasetWriter creator = container.create("/g/d", INFO);
                Path partial = ((FolderDatasetWriter) creator).partialFolder();
                CountDownLatch writing = new CountDownLatch(1);
                // a task of a failed job that goes on writing blocks while its folder is removed
                CompletableFuture<Void> task = CompletableFuture.runAsync(() -> {
                    try (DatasetWriter joined = Containers.joinPartial(format, partial, INFO)) {
                        for (long b = 0; b < 2000; b++) {
                            long[] position = grid.position(b % grid.blocks());
                            joined.write(grid.offset(position), grid.size(position), block);
                            writing.countDown();
                        }
                    } catch (IOException e) {
                        // the folder is gone: a late writer fails rather than recreating it
                    }
                });
                writing.await();
                creator.close();
                assertFalse(Files.exists(partial), "round " + round + ": the unfinished folder is gone");
                task.get(30, TimeUnit.SECONDS);
                assertFalse(Files.exists(partial), "round " + round + ": and stays gone after the late writer");
            }
        }
    }

    @Test
    void anUncommittedHdf5DatasetCarriesThePidAndANewWriteRemovesThoseOfDeadProcessesOnly(@TempDir Path dir) throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path path = dir.resolve("c.h5");
        String dead = ".d." + finished.pid() + ".1f.partial";
        String alive = ".e." + ProcessHandle.current().pid() + ".3d.partial";
        try (Container container = Containers.openForWriting(path, Format.HDF5)) {
            for (String leftover : List.of(dead, alive)) {
                try (DatasetWriter writer = container.create("/g/" + leftover, INFO)) {
                    writer.commit(); // stands in for what a killed writer left under that name
                }
            }
            try (DatasetWriter writer = container.create("/g/d", INFO)) {
                Datasets.writeAll(writer, RandomArrays.fill(DataType.UINT16.allocate(64), 5));
                List<String> hidden = container.children("/g").stream().filter(n -> n.startsWith(".d.")).toList();
                assertEquals(1, hidden.size(), "the dead process's dataset is removed: " + container.children("/g"));
                assertTrue(hidden.get(0).startsWith(".d." + ProcessHandle.current().pid() + ".") && hidden.get(0).endsWith(".partial"),
                        hidden.get(0));
                assertTrue(container.children("/g").contains(alive), "a write of a running process is kept");
            }
            assertEquals(List.of(alive), container.children("/g"), "closing without commit removes the unfinished write");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"N5", "ZARR", "HDF5"})
    void aCommitAfterTheWriteEndedFailsAndKeepsWhatIsThere(Format format, @TempDir Path dir) throws Exception {
        Path path = dir.resolve("c" + format.extensions().get(0));
        Object committed = RandomArrays.fill(DataType.UINT16.allocate(64), 5);
        try (Container container = Containers.openForWriting(path, format)) {
            DatasetWriter writer = container.create("/g/d", INFO);
            Datasets.writeAll(writer, committed);
            writer.commit();
            IOException again = assertThrows(IOException.class, writer::commit);
            assertTrue(again.getMessage().contains("already written"), again.getMessage());
            writer.close();

            DatasetWriter replacing = container.create("/g/d", INFO);
            Datasets.writeAll(replacing, RandomArrays.fill(DataType.UINT16.allocate(64), 6));
            replacing.close(); // as the shutdown hook does while the main thread is still writing
            IOException removed = assertThrows(IOException.class, replacing::commit);
            assertTrue(removed.getMessage().contains("removed unfinished"), removed.getMessage());
        }
        try (Container container = Containers.open(path, format)) {
            assertArrayEquals((short[]) committed, (short[]) container.open("/g/d").readAll(), "the committed dataset is intact");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"N5", "ZARR", "HDF5"})
    void deleteRemovesADatasetAndNothingElse(Format format, @TempDir Path dir) throws Exception {
        Path path = dir.resolve("c" + format.extensions().get(0));
        try (Container container = Containers.openForWriting(path, format)) {
            for (String name : List.of("/g/a", "/g/b")) {
                try (DatasetWriter writer = container.create(name, INFO)) {
                    Datasets.writeAll(writer, RandomArrays.fill(DataType.UINT16.allocate(64), 5));
                    writer.commit();
                }
            }
            container.delete("/g/a");
            container.delete("/g/missing");
            assertEquals(List.of("b"), container.children("/g"));
            assertFalse(container.exists("/g/a"));
        }
        try (Container container = Containers.open(path, format)) {
            assertEquals(List.of("b"), container.children("/g"), "the deletion is on disk");
        }
    }
}
