package org.cmgseg.testkit;

import org.junit.jupiter.api.Assumptions;

/** What a test needs from the machine: skipped when absent, but a failure under CI, which must provide it. */
public final class Required {

    private Required() {
    }

    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public static void require(boolean present, String what) {
        require(present, what, ci());
    }

    static void require(boolean present, String what, boolean ci) {
        if (!present && ci) {
            throw new AssertionError("CI=true, but " + what);
        }
        Assumptions.assumeTrue(present, () -> "skipped: " + what);
    }
}
