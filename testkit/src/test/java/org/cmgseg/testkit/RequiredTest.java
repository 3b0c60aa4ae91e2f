package org.cmgseg.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class RequiredTest {

    @Test
    void missingIsASkipOutsideCiAndAFailureUnderCi() {
        assertThrows(TestAbortedException.class, () -> Required.require(false, "fixture x is absent", false));
        AssertionError error = assertThrows(AssertionError.class, () -> Required.require(false, "fixture x is absent", true));
        assertTrue(error.getMessage().contains("fixture x is absent"), error.getMessage());
        assertDoesNotThrow(() -> Required.require(true, "fixture x is absent", true));
    }
}
