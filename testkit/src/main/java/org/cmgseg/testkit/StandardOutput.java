package org.cmgseg.testkit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.function.Executable;

/** What code prints on System.out while it runs (restored afterwards, also when it throws). */
public final class StandardOutput {

    private StandardOutput() {
    }

    public static String during(Executable code) throws Throwable {
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            code.execute();
        } finally {
            System.setOut(stdout);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
