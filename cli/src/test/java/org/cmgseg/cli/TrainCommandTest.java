package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cmgseg train} end to end on the built-in synthetic set, and its answers to bad input. */
class TrainCommandTest {

    @TempDir
    Path dir;

    @Test
    void trainsOnSyntheticDataAndWritesEveryResult() throws IOException {
        Path output = dir.resolve("run");
        CliRun run = CliRun.of("train", "--data", "synthetic", "--ifm", "cmg", "--hidden", "32", "--epochs", "2",
                "--batch-size", "250", "--output", output.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.lines()[0].startsWith("epoch 1/2  loss "), run.out());
        assertTrue(run.lines()[1].startsWith("epoch 2/2  loss "), run.out());
        assertTrue(run.out().contains("0 non-finite events"), run.out());
        List<String> csv = Files.readAllLines(output.resolve("metrics.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(0).startsWith("epoch,lr_multiplier,train_loss,test_loss,test_top1,test_top5,best_top1,aae,"), csv.get(0));
        assertTrue(csv.get(2).startsWith("2,"), csv.get(2));
        String json = Files.readString(output.resolve("metrics.json"));
        assertTrue(json.contains("\"ifm\": \"cmg\"") && json.contains("\"best_top1\"") && json.contains("\"nonfinite_events\": 0"), json);
        assertTrue(Files.size(output.resolve("curves.png")) > 10_000);
        assertTrue(Files.size(output.resolve("ifm-parameters.png")) > 10_000);
        assertEquals(1 + 3 * 32 * 32, Files.readAllLines(output.resolve("ifm-parameters.tsv")).size());
        assertTrue(Files.size(output.resolve("checkpoint.bin")) > 4 * 3 * 32 * 32 * 32);
        try (var files = Files.list(output)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".partial")), "no temporary files left");
        }
    }

    @Test
    void aResumedRunNeedsTheSameSettings() {
        Path output = dir.resolve("run");
        String[] args = {"train", "--data", "synthetic", "--hidden", "16", "--epochs", "1", "--batch-size", "500",
                "--output", output.toString()};
        assertEquals(0, CliRun.of(args).exitCode());
        CliRun again = CliRun.of(append(args, "--resume"));
        assertEquals(0, again.exitCode(), again.err());
        assertFalse(again.out().contains("epoch 1/1"), "nothing left to train: " + again.out());
        CliRun.assertUserError("train --data synthetic --hidden 16 --epochs 1 --batch-size 500 --optimizer adam --resume --output "
                + output + "|optimizer sgd (now adam)");
    }

    private static String[] append(String[] args, String extra) {
        String[] result = java.util.Arrays.copyOf(args, args.length + 1);
        result[args.length] = extra;
        return result;
    }

    @Test
    void aNonFiniteLossStopsWithAClearMessage() {
        CliRun.assertUserError("train --data synthetic --hidden 16 --epochs 1 --lr 1e30 --output " + dir.resolve("nan")
                + "|the training loss became");
    }

    @Test
    void aNonFiniteLossKeepsTheLastGoodCheckpoint() throws IOException {
        Path output = dir.resolve("diverging");
        String common = "train --data synthetic --hidden 16 --batch-size 500 --output " + output;
        assertEquals(0, CliRun.of((common + " --epochs 1").split(" ")).exitCode());
        byte[] good = Files.readAllBytes(output.resolve("checkpoint.bin"));
        // resumed for a second epoch with an absurd learning rate: the first step makes the loss infinite
        CliRun run = CliRun.of((common + " --epochs 2 --resume --lr 1e30").split(" "));
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("epoch 2") && run.err().contains("holds the last good state (epoch 1)"), run.err());
        assertTrue(java.util.Arrays.equals(good, Files.readAllBytes(output.resolve("checkpoint.bin"))), "checkpoint unchanged");
        CliRun skipping = CliRun.of((common + " --epochs 2 --resume --lr 1e30 --continue-on-nan").split(" "));
        assertEquals(0, skipping.exitCode(), skipping.err());
        assertFalse(skipping.out().contains("non-finite 0 "), "the skipped mini-batches are counted: " + skipping.out());
    }

    @Test
    void badInputIsAUserError() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        String out = " --output " + dir.resolve("out");
        CliRun.assertUserError("train --data cifar10:" + dir.resolve("missing") + out + "|" + dir.resolve("missing"));
        CliRun.assertUserError("train --data cifar10:" + empty + out + "|data_batch_1.bin");
        CliRun.assertUserError("train --data mnist:" + empty + out + "|train-images-idx3-ubyte");
        CliRun.assertUserError("train --data imagenet:" + empty + out + "|known: cifar10:DIR, cifar100:DIR");
        CliRun.assertUserError("train --data synthetic --activation gelu" + out
                + "|known: relu, silu, tanh, sigmoid, leaf:relu, leaf:silu, leaf:tanh, leaf:sigmoid, ahaf:relu, ahaf:silu, cmg, lau, molu");
        CliRun.assertUserError("train --data synthetic --optimizer lion" + out + "|known: sgd, adam, adamw, rmsprop, muon");
        CliRun.assertUserError("train --data synthetic --schedule cosine" + out + "|known: none, linear, sublinear, supralinear");
        CliRun.assertUserError("train --data synthetic --ifm leaf" + out + "|known: cmg, none");
        CliRun.assertUserError("train --data synthetic --model lenet5 --hidden 64" + out + "|lenet5 has fixed layers");
        CliRun.assertUserError("train --data synthetic --p24 1e-6" + out + "|leaf:*");
        CliRun.assertUserError("train --data synthetic --dspt" + out + "|relu has none");
        CliRun.assertUserError("train --data synthetic --resume" + out + "|no checkpoint to resume from");
        CliRun.assertUserError("train --data synthetic --resume --overwrite" + out + "|--resume (continue the earlier run) or --overwrite");
    }
}
