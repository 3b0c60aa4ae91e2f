package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The command-line jar carries neither the training module nor DJL: with both off the class path,
 * every command's help (train's included) still works, and train itself says what is missing.
 */
class TrainCommandWithoutTrainingTest {

    /** The test class path without the training module, DJL and its native library. */
    private static URLClassLoader withoutTraining() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String path = entry.replace('\\', '/');
            if (!path.contains("cmgseg-training") && !path.contains("/training/target/") && !path.contains("/ai/djl/")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** Runs the command line in the given class loader: exit code, standard output, standard error. */
    private static String[] run(ClassLoader loader, String... args) throws Exception {
        Class<?> main = loader.loadClass("org.cmgseg.cli.Main");
        Object commandLine = main.getMethod("commandLine").invoke(null);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Class<?> type = commandLine.getClass();
        type.getMethod("setOut", PrintWriter.class).invoke(commandLine, new PrintWriter(out, true));
        type.getMethod("setErr", PrintWriter.class).invoke(commandLine, new PrintWriter(err, true));
        Object code = type.getMethod("execute", String[].class).invoke(commandLine, (Object) args);
        return new String[] {code.toString(), out.toString(), err.toString()};
    }

    @Test
    void helpWorksAndTrainExplainsWhatIsMissing() throws Exception {
        try (URLClassLoader loader = withoutTraining()) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.cmgseg.training.run.TrainingRun"));
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("ai.djl.engine.Engine"));
            String[] help = run(loader, "--help");
            assertEquals("0", help[0], help[2]);
            assertTrue(help[1].contains("train"), help[1]);
            String[] trainHelp = run(loader, "train", "--help");
            assertEquals("0", trainHelp[0], trainHelp[2]);
            assertTrue(trainHelp[1].contains("--activation"), trainHelp[1]);
            String[] train = run(loader, "train", "--data", "synthetic", "--output", "unused");
            assertEquals("2", train[0]);
            assertTrue(train[2].contains("the training module and DJL are not on the class path"), train[2]);
        }
    }
}
