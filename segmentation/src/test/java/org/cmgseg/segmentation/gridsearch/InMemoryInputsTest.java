package org.cmgseg.segmentation.gridsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.cmgseg.testkit.RandomArrays;
import org.cmgseg.testkit.Sha256;
import org.junit.jupiter.api.Test;

/** The fingerprints of arrays in memory are the fixtures' SHA-256 of their little-endian bytes, across chunk boundaries too. */
class InMemoryInputsTest {

    @Test
    void theDigestOfFloatsAndLongsIsThatOfTheirBytes() {
        // the NIST test vector: SHA-256 of no bytes
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", InMemoryInputs.sha256(new float[0]));
        int length = (1 << 18) * 2 + 77;
        float[] floats = RandomArrays.fill(new float[length], 13);
        long[] longs = RandomArrays.fill(new long[length], 14);
        assertEquals(Sha256.of(floats), InMemoryInputs.sha256(floats));
        assertEquals(Sha256.of(longs), InMemoryInputs.sha256(longs));
        String before = InMemoryInputs.sha256(floats);
        floats[length - 1] = Math.nextUp(floats[length - 1]);
        assertNotEquals(before, InMemoryInputs.sha256(floats), "the last element of the last chunk counts");
    }
}
