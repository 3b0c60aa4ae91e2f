package org.cmgseg.cmg;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference fixtures in ../shared/data (or -Dcmgseg.shared); tests that need them are skipped,
 * with a message, when they are absent. Shared with the other modules' tests through the test jar.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path require(String relative) {
        Path root = Path.of(System.getProperty("cmgseg.shared", "../../shared"), "data");
        Path file = root.resolve(relative);
        Assumptions.assumeTrue(Files.exists(file), () -> "skipped: reference fixture " + file
                + " is absent (the tests expect ../shared/data beside the project)");
        return file;
    }
}
