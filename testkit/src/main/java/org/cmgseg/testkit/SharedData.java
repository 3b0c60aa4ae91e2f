package org.cmgseg.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference fixtures in ../shared/data (or -Dcmgseg.shared). Tests that need them are skipped, with a
 * message, when they are absent; under CI (environment CI=true) a missing fixture fails the test instead.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path require(String relative) {
        Path root = Path.of(System.getProperty("cmgseg.shared", "../../shared"), "data");
        Path file = root.resolve(relative);
        Required.require(Files.exists(file), "reference fixture " + file
                + " is absent (the tests expect ../shared/data beside the project)");
        return file;
    }
}
