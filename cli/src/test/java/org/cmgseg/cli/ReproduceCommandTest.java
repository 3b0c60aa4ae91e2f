package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cmgseg.testkit.IdxFiles;
import org.cmgseg.training.data.ImageDataset;
import org.cmgseg.training.data.SyntheticImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cmgseg reproduce leaf} end to end on a few hundred Fashion-MNIST-shaped images written in the idx format:
 * the files, repeatability bit for bit, continuing after an interruption, and its answers to bad input.
 */
class ReproduceCommandTest {

    @TempDir
    static Path dir;

    static String data;

    @BeforeAll
    static void writeSlice() throws IOException {
        ImageDataset synthetic = SyntheticImages.generate(10, 1, 28, 256, 128, 1.0);
        data = "fashion-mnist:" + IdxFiles.dataset(dir.resolve("fashion-mnist"), 28, 28, synthetic.train().pixels(),
                synthetic.train().labels(), synthetic.test().pixels(), synthetic.test().labels());
    }

    private static CliRun reproduce(Path output, int epochs) {
        CliRun run = CliRun.of("reproduce", "leaf", "--data", data, "--output", output.toString(), "--epochs",
                Integer.toString(epochs), "--rows", "tanh,leaf:tanh+dspt,cmg", "--models", "lenet5");
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    private static byte[] bytes(Path file) throws IOException {
        return Files.readAllBytes(file);
    }

    @Test
    void writesTheTableAndEveryRowsRunAndRepeatsThemBitForBit() throws IOException {
        Path first = dir.resolve("first");
        CliRun run = reproduce(first, 2);
        assertTrue(run.out().contains("lenet5 tanh  epoch 1/2  loss "), run.out());
        assertTrue(run.out().contains("lenet5 leaf:tanh+dspt  epoch 2/2  loss "), run.out());
        assertTrue(run.out().contains("lenet5 cmg  best test top-1 "), run.out());
        Path table = first.resolve("lenet5");
        List<String> csv = Files.readAllLines(table.resolve("table.csv"));
        assertEquals("row,activation,dspt,epochs,best_top1,best_epoch,last_top1,nonfinite_events", csv.get(0));
        assertEquals(4, csv.size(), csv.toString());
        assertTrue(csv.get(2).startsWith("leaf:tanh+dspt,leaf:tanh,true,2,"), csv.get(2));
        assertTrue(csv.get(3).startsWith("cmg,cmg,false,2,") && csv.get(3).endsWith(",0"), csv.get(3));
        String md = Files.readString(table.resolve("table.md"));
        assertTrue(md.contains("| leaf:tanh+dspt | "), md);
        assertTrue(Files.size(table.resolve("accuracy.png")) > 10_000);
        for (String row : new String[] {"tanh", "leaf-tanh-dspt", "cmg"}) {
            Path folder = table.resolve("rows").resolve(row);
            assertTrue(Files.isRegularFile(folder.resolve("checkpoint.bin")) && Files.isRegularFile(folder.resolve("metrics.csv"))
                    && Files.isRegularFile(folder.resolve("curves.png")), folder.toString());
        }

        Path second = dir.resolve("second");
        reproduce(second, 2);
        assertArrayEquals(bytes(table.resolve("table.csv")), bytes(second.resolve("lenet5/table.csv")));
        assertArrayEquals(bytes(table.resolve("table.md")), bytes(second.resolve("lenet5/table.md")));

        CliRun again = reproduce(first, 2);
        assertFalse(again.out().contains("epoch 1/2"), "finished rows are kept: " + again.out());
        assertTrue(again.out().contains("lenet5 cmg  done"), again.out());
        assertArrayEquals(csv.toArray(), Files.readAllLines(table.resolve("table.csv")).toArray());

        // stopped after the first epoch of every row, then started again: the same table as the straight run
        Path interrupted = dir.resolve("interrupted");
        reproduce(interrupted, 1);
        CliRun continued = reproduce(interrupted, 2);
        assertTrue(continued.out().contains("lenet5 leaf:tanh+dspt  continues after epoch 1"), continued.out());
        assertArrayEquals(bytes(table.resolve("table.csv")), bytes(interrupted.resolve("lenet5/table.csv")));
    }

    @Test
    void badInputIsAUserError() throws IOException {
        String common = "reproduce leaf --data " + data + " --output " + dir.resolve("bad");
        CliRun.assertUserError(common + " --rows tanh+dspt|DSPT needs a learnable activation");
        CliRun.assertUserError(common + " --rows tanh,gelu|unknown activation 'gelu'");
        CliRun.assertUserError(common + " --models mlp|lenet5 and kerasnet");
        CliRun.assertUserError(common + " --models resnet|unknown model 'resnet'");
        CliRun.assertUserError("reproduce leaf --data fashion-mnist:" + dir.resolve("missing") + " --output " + dir.resolve("bad")
                + "|" + dir.resolve("missing"));
        String oneRow = " --rows tanh --models lenet5 --epochs 1";
        CliRun.assertUserError("reproduce leaf --data " + data + " --output " + dir.resolve("missing").resolve("out") + oneRow
                + "|folder " + dir.resolve("missing") + " does not exist");
        Path file = Files.writeString(dir.resolve("a-file"), "");
        CliRun.assertUserError("reproduce leaf --data " + data + " --output " + file + oneRow + "|it is a file, not a folder");
        Path other = dir.resolve("other-seed");
        assertEquals(0, CliRun.of((common.replace(dir.resolve("bad").toString(), other.toString())
                + " --rows tanh --models lenet5 --epochs 1").split(" ")).exitCode());
        CliRun.assertUserError(common.replace(dir.resolve("bad").toString(), other.toString())
                + " --rows tanh --models lenet5 --epochs 1 --seed 7|" + other.resolve("lenet5/rows/tanh/checkpoint.bin"));
        assertFalse(Files.exists(dir.resolve("bad")), "nothing written for bad input");
    }
}
