package org.cmgseg.cmg;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The reference fixtures in ../shared/data; tests that need them skip with a message when absent. */
final class SharedData {

    private SharedData() {
    }

    static Path require(String relative) {
        Path root = Path.of(System.getProperty("cmgseg.shared", "../../shared"), "data");
        Path file = root.resolve(relative);
        Assumptions.assumeTrue(Files.exists(file), () -> "skipped: reference fixture " + file
                + " is absent (the tests expect ../shared/data beside the project)");
        return file;
    }
}
