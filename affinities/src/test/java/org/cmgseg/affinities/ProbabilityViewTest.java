package org.cmgseg.affinities;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;
import org.cmgseg.affinities.io.ArrayDataset;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.junit.jupiter.api.Test;

class ProbabilityViewTest {

    /** Dimensions (x, y, z) = (2, 2, 3), stored in blocks of one z-slice. */
    private static Dataset slices(DataType type, Object values) {
        ArrayDataset whole = new ArrayDataset(new long[] {2, 2, 3}, type, values);
        DatasetInfo info = new DatasetInfo(new long[] {2, 2, 3}, new int[] {2, 2, 1}, type, Compression.RAW);
        return new Dataset() {
            @Override
            public DatasetInfo info() {
                return info;
            }

            @Override
            public Object read(long[] offset, int[] size) throws IOException {
                return whole.read(offset, size);
            }
        };
    }

    private static float[] slice(Dataset view, int z) throws IOException {
        return (float[]) view.read(new long[] {0, 0, z}, new int[] {2, 2, 1});
    }

    @Test
    void valuesInTheUnitIntervalAreReadAsTheyAreAndTheirRangeIsKept() throws IOException {
        float[] values = {0.25f, 0.5f, 0, 1, 0.75f, 0.5f, 0.5f, 0.5f, 0.125f, 0.5f, 0.5f, 0.5f};
        ProbabilityView view = ProbabilityView.of(slices(DataType.FLOAT32, values.clone()), NonFinitePolicy.FAIL, "a");
        assertArrayEquals(new float[] {0.75f, 0.5f, 0.5f, 0.5f}, slice(view, 1));
        assertEquals(new ValueRange(0.5, 0.75), view.range());
        assertEquals(new ValueRange(0, 1), view.scan(RunContext.of(2, Progress.NONE)));
    }

    @Test
    void aVolumeCheckedOnSeveralThreadsGivesTheRangeAndReplacementsOfOne() throws IOException {
        long[] dims = {300, 300, 2};
        float[] values = new float[300 * 300 * 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = 0.25f + (i % 1000) / 4000f;
        }
        values[150_000] = Float.NaN;
        values[170_001] = 0.125f; // the minimum, in the last part
        values[3] = -0.0f;
        values[4] = 0.0f;
        long[] origin = {0, 0, 0};
        int[] all = {300, 300, 2};
        for (int threads : new int[] {1, 3}) {
            ProbabilityView view = ProbabilityView.of(new ArrayDataset(dims, DataType.FLOAT32, values.clone()), NonFinitePolicy.replaceWith(1), "v");
            float[] read = (float[]) view.read(origin, all, RunContext.of(threads, Progress.NONE));
            assertEquals(1f, read[150_000], threads + " threads");
            assertEquals(new ValueRange(-0.0f, 0.25f + 999 / 4000f), view.range(), threads + " threads");
            assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits((float) view.range().min()), threads + " threads");
            ProbabilityView refusing = ProbabilityView.of(new ArrayDataset(dims, DataType.FLOAT32, values.clone()), NonFinitePolicy.FAIL, "v");
            assertEquals("v holds NaN at [1, 200, 0]; give a value in [0, 1] to read NaN and infinities as (--nan-as)",
                    assertThrows(IllegalArgumentException.class, () -> refusing.read(origin, all, RunContext.of(threads, Progress.NONE))).getMessage());
        }
    }

    @Test
    void uint8IsScaledBy1Over255AndFloat64Rounded() throws IOException {
        byte[] bytes = {0, (byte) 255, 51, 1, 0, 0, 0, 0, 0, 0, 0, 0};
        ProbabilityView view = ProbabilityView.of(slices(DataType.UINT8, bytes), NonFinitePolicy.FAIL, "u");
        assertArrayEquals(new float[] {0, 1, 0.2f, 1 / 255f}, slice(view, 0));
        double[] doubles = {0.1, 0.2, 0.3, 0.4, 0, 0, 0, 0, 0, 0, 0, 0};
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f, 0.4f},
                slice(ProbabilityView.of(slices(DataType.FLOAT64, doubles), NonFinitePolicy.FAIL, "d"), 0));
    }

    @Test
    void nanIsRefusedAtItsNumpyPositionUnlessReplacedWithoutWideningTheRange() throws IOException {
        float[] values = {0.25f, 0.5f, 0.25f, 0.5f, 0.25f, 0.5f, 0.25f, Float.NaN, 0.25f, 0.5f, 0.25f, Float.NEGATIVE_INFINITY};
        ProbabilityView refusing = ProbabilityView.of(slices(DataType.FLOAT32, values.clone()), NonFinitePolicy.FAIL, "affs.n5:/a");
        assertArrayEquals(new float[] {0.25f, 0.5f, 0.25f, 0.5f}, slice(refusing, 0));
        // (x, y, z) = (1, 1, 1) is numpy's [z, y, x] = [1, 1, 1], the first in numpy order whichever block is read first
        String first = "affs.n5:/a holds NaN at [1, 1, 1]; give a value in [0, 1] to read NaN and infinities as (--nan-as)";
        assertEquals(first, assertThrows(IllegalArgumentException.class, () -> slice(refusing, 2)).getMessage());
        assertEquals(first, assertThrows(IllegalArgumentException.class, () -> slice(refusing, 1)).getMessage());
        float[] onlyInfinity = values.clone();
        onlyInfinity[7] = 0;
        assertEquals("i holds -Infinity at [2, 1, 1]; give a value in [0, 1] to read NaN and infinities as (--nan-as)",
                assertThrows(IllegalArgumentException.class, () -> ProbabilityView.of(slices(DataType.FLOAT32, onlyInfinity),
                        NonFinitePolicy.FAIL, "i").scan(RunContext.of(2, Progress.NONE))).getMessage());

        ProbabilityView replacing = ProbabilityView.of(slices(DataType.FLOAT32, values.clone()), NonFinitePolicy.replaceWith(1), "a");
        assertArrayEquals(new float[] {0.25f, 0.5f, 0.25f, 1}, slice(replacing, 1));
        assertEquals(new ValueRange(0.25, 0.5), replacing.scan(RunContext.sequential()));
    }

    @Test
    void valuesOutsideTheUnitIntervalAreRefusedWithTheWholeVolumesMinimumAndMaximum() throws IOException {
        float[] values = {0.25f, 0.5f, 0.25f, 0.5f, 0.25f, 1.5f, 0.25f, 0.5f, -0.5f, 0.5f, Float.NaN, 0.5f};
        ProbabilityView view = ProbabilityView.of(slices(DataType.FLOAT32, values), NonFinitePolicy.FAIL, "p.h5:/p");
        slice(view, 0);
        assertEquals("p.h5:/p holds values from -0.5 to 1.5, outside [0, 1]",
                assertThrows(IllegalArgumentException.class, () -> slice(view, 1)).getMessage());
        float[] above = {0.25f, 0.5f, 0.25f, 0.5f, 0.25f, 1.5f, 0.25f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f};
        assertEquals("q holds values from 0.25 to 1.5, outside [0, 1]", assertThrows(IllegalArgumentException.class,
                () -> ProbabilityView.of(slices(DataType.FLOAT32, above), NonFinitePolicy.FAIL, "q").scan(RunContext.sequential())).getMessage());
    }

    @Test
    void aVolumeWithBothKindsOfBadValuesFailsAlikeWhicheverBlockIsReadFirst() {
        float[] values = {0.25f, 0.5f, 0.25f, 0.5f, 0.25f, 1.5f, 0.25f, 0.5f, 0.25f, Float.NaN, 0.25f, 0.5f};
        for (int z : new int[] {1, 2}) {
            ProbabilityView view = ProbabilityView.of(slices(DataType.FLOAT32, values.clone()), NonFinitePolicy.FAIL, "m");
            assertEquals("m holds values from 0.25 to 1.5, outside [0, 1]",
                    assertThrows(IllegalArgumentException.class, () -> slice(view, z)).getMessage(), "slice " + z);
        }
    }

    /** A slab of (x, y, z) = (1000, 100, 3), read whole on 4 threads: its parts are checked on different threads. */
    private static float[] wholeOnThreads(ProbabilityView view) throws IOException {
        return (float[]) view.read(new long[3], new int[] {1000, 100, 3}, RunContext.of(4, Progress.NONE));
    }

    @Test
    void aSlabCheckedInPartsOnSeveralThreadsHasTheRangeAndFailuresOfTheWhole() throws IOException {
        int n = 300_000;
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = 0.25f + (i % 7) / 28f;
        }
        // the extremes and the bad values in the last part, which a thread other than the caller may check
        values[n - 5] = 0.125f;
        values[n - 4] = 0.875f;
        values[n - 3] = Float.NaN;
        ProbabilityView replacing = ProbabilityView.of(new ArrayDataset(new long[] {1000, 100, 3}, DataType.FLOAT32, values.clone()),
                NonFinitePolicy.replaceWith(1), "r");
        float[] expected = values.clone();
        expected[n - 3] = 1;
        assertArrayEquals(expected, wholeOnThreads(replacing));
        assertEquals(new ValueRange(0.125, 0.875), replacing.range());

        ProbabilityView refusing = ProbabilityView.of(new ArrayDataset(new long[] {1000, 100, 3}, DataType.FLOAT32, values.clone()),
                NonFinitePolicy.FAIL, "f");
        assertEquals("f holds NaN at [2, 99, 997]; give a value in [0, 1] to read NaN and infinities as (--nan-as)",
                assertThrows(IllegalArgumentException.class, () -> wholeOnThreads(refusing)).getMessage());
        float[] above = values.clone();
        above[n - 3] = 1.5f;
        assertEquals("a holds values from 0.125 to 1.5, outside [0, 1]", assertThrows(IllegalArgumentException.class,
                () -> wholeOnThreads(ProbabilityView.of(new ArrayDataset(new long[] {1000, 100, 3}, DataType.FLOAT32, above),
                        NonFinitePolicy.FAIL, "a"))).getMessage());
    }

    /** A slab of 0.5 (on 4 threads) with one value in its last part: the range read, or the failure. */
    private static String rangeWith(float value, NonFinitePolicy policy) {
        float[] values = new float[300_000];
        Arrays.fill(values, 0.5f);
        values[299_998] = value;
        ProbabilityView view = ProbabilityView.of(new ArrayDataset(new long[] {1000, 100, 3}, DataType.FLOAT32, values), policy, "e");
        try {
            wholeOnThreads(view);
        } catch (IllegalArgumentException | IOException e) {
            return e.getMessage();
        }
        ValueRange range = view.range();
        return Integer.toHexString(Float.floatToRawIntBits((float) range.min())) + " " + Integer.toHexString(Float.floatToRawIntBits((float) range.max()));
    }

    @Test
    void theEdgesOfTheUnitIntervalAndTheValuesJustOutsideItAreToldApartBitForBit() {
        assertEquals("0 3f000000", rangeWith(0f, NonFinitePolicy.FAIL));
        assertEquals("80000000 3f000000", rangeWith(-0f, NonFinitePolicy.FAIL), "-0.0 is in the range, and kept as stored");
        assertEquals("3f000000 3f800000", rangeWith(1f, NonFinitePolicy.FAIL));
        assertEquals("1 3f000000", rangeWith(Float.MIN_VALUE, NonFinitePolicy.FAIL));
        assertEquals("e holds values from 0.5 to 1.0000001, outside [0, 1]", rangeWith(Math.nextUp(1f), NonFinitePolicy.FAIL));
        assertEquals("e holds values from -1.4E-45 to 0.5, outside [0, 1]", rangeWith(-Float.MIN_VALUE, NonFinitePolicy.FAIL));
        assertEquals("e holds Infinity at [2, 99, 998]; give a value in [0, 1] to read NaN and infinities as (--nan-as)",
                rangeWith(Float.POSITIVE_INFINITY, NonFinitePolicy.FAIL));
        assertEquals("e holds NaN at [2, 99, 998]; give a value in [0, 1] to read NaN and infinities as (--nan-as)",
                rangeWith(Float.intBitsToFloat(0x7f800001), NonFinitePolicy.FAIL));
        assertEquals("3f000000 3f000000", rangeWith(Float.NEGATIVE_INFINITY, NonFinitePolicy.replaceWith(1)));
    }

    @Test
    void floatsFrom2To255GetTheHintThatTheyLookLike8BitData() {
        float[] values = {0, 12, 255, 3, 0, 0, 0, 0, 0, 0, 0, 0};
        ProbabilityView view = ProbabilityView.of(slices(DataType.FLOAT32, values), NonFinitePolicy.FAIL, "b");
        assertEquals("b holds values from 0.0 to 255.0, outside [0, 1]; it looks like 8-bit data: divide it by 255, or store it as "
                + "uint8, which is read as value / 255", assertThrows(IllegalArgumentException.class, () -> view.scan(RunContext.sequential())).getMessage());
    }

    @Test
    void otherTypesAndReplacementsOutsideTheUnitIntervalAreRefused() {
        assertEquals("s is int16; affinities and boundary maps are float32 or float64 in [0, 1], or uint8 (read as value / 255)",
                assertThrows(IllegalArgumentException.class,
                        () -> ProbabilityView.of(slices(DataType.INT16, new short[12]), NonFinitePolicy.FAIL, "s")).getMessage());
        assertEquals("--nan-as: NaN and infinite values can be read as a value in [0, 1] only, got 2.0",
                assertThrows(IllegalArgumentException.class, () -> NonFinitePolicy.replaceWith(2)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> NonFinitePolicy.replaceWith(Float.NaN));
    }
}
