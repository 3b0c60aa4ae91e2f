package org.cmgseg.affinities.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.junit.jupiter.api.Test;

/** A byte a value when few values need more, two bytes otherwise, nothing when the dictionary is full; decoded exactly. */
class SlabCodesTest {

    private static final RunContext CONTEXT = RunContext.of(3, Progress.NONE);
    private static final int LENGTH = 200_000;

    /** 300 values, the first 255 seen before the others (which make one value in a hundred). */
    private static float[] skewed() {
        float[] values = new float[LENGTH];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < LENGTH; i++) {
            values[i] = i < 255 ? i / 299f : (random.nextInt(100) == 0 ? 255 + random.nextInt(45) : random.nextInt(255)) / 299f;
        }
        return values;
    }

    private static float[] decoded(SlabCodes codes, ValueDictionary dictionary, int from, int n) {
        float[] out = new float[n + 2];
        codes.decode(from, out, 1, n, dictionary.values());
        return Arrays.copyOfRange(out, 1, n + 1);
    }

    @Test
    void rareValuesBeyondAByteAreListedApart() {
        float[] values = skewed();
        ValueDictionary dictionary = new ValueDictionary();
        // the first 255 values seen first, on one thread, so that they take the codes of a byte
        assertNotNull(SlabCodes.narrow(values, 255, dictionary, RunContext.sequential()));
        SlabCodes codes = SlabCodes.narrow(values, LENGTH, dictionary, CONTEXT);
        assertNotNull(codes, "one value in a hundred above a byte's codes");
        assertArrayEquals(values, decoded(codes, dictionary, 0, LENGTH));
        assertArrayEquals(Arrays.copyOfRange(values, 77_777, 77_777 + 1000), decoded(codes, dictionary, 77_777, 1000),
                "a part in the middle");
    }

    @Test
    void manyValuesBeyondAByteMakeTheSlabWide() {
        float[] values = new float[LENGTH];
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < LENGTH; i++) {
            values[i] = random.nextInt(300) / 299f;
        }
        ValueDictionary dictionary = new ValueDictionary();
        assertNull(SlabCodes.narrow(values, LENGTH, dictionary, CONTEXT));
        SlabCodes codes = SlabCodes.wide(values, LENGTH, dictionary, CONTEXT);
        assertNotNull(codes);
        assertArrayEquals(values, decoded(codes, dictionary, 0, LENGTH));
    }

    @Test
    void moreThan65536ValuesFitNeither() {
        float[] values = new float[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            values[i] = i / (float) LENGTH;
        }
        ValueDictionary dictionary = new ValueDictionary();
        assertNull(SlabCodes.wide(values, LENGTH, dictionary, CONTEXT));
        assertTrue(dictionary.full());
        assertNull(SlabCodes.narrow(values, LENGTH, dictionary, CONTEXT), "nor a byte, with a full dictionary");
    }
}
