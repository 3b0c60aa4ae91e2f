package org.cmgseg.affinities.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cmgseg.affinities.NonFinitePolicy;
import org.cmgseg.affinities.io.ArrayDataset;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.source.AffinitySourceTest.Recording;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.junit.jupiter.api.Test;

/**
 * A pass asked to retain what it reads: the passes after it give, bit for bit, the values of the dataset as
 * {@link org.cmgseg.affinities.ProbabilityView} reads them (float32 as stored, float64 rounded, uint8 / 255, NaN
 * replaced), without reading the dataset, whenever the volume has at most 65536 distinct values; and read it
 * again, with the same values, when it has more.
 */
class RetainedPassTest {

    private static final int SX = 24;
    private static final int SY = 20;
    private static final int SZ = 11;
    private static final int CHUNK_Z = 4;

    /** A volume (3, SZ, SY, SX) of {@code type} in chunks CHUNK_Z deep, gzip, so that a pass reads three slabs. */
    private static Recording dataset(DataType type, Object values, int sizeZ, int chunkZ) {
        long[] dims = {SX, SY, sizeZ, 3};
        return new Recording(new ArrayDataset(dims, type, values), new DatasetInfo(dims, new int[] {SX, SY, chunkZ, 3}, type,
                Compression.GZIP), new ArrayList<>());
    }

    /** The volume as every slab of a pass gives it, as float bits, in the layout (3, z, y, x). */
    private static int[] pass(AffinitySource source, RunContext context) throws IOException {
        int slice = SX * SY;
        int sizeZ = source.grid().sizeZ();
        int[] bits = new int[3 * sizeZ * slice];
        int depth = source.slabDepth();
        try (SlabStream slabs = source.slabs(context)) {
            for (int z0 = 0; z0 < sizeZ; z0 += depth) {
                AffinitySlab slab = slabs.next();
                for (int c = 0; c < 3; c++) {
                    for (int v = z0 * slice; v < Math.min(z0 + depth, sizeZ) * slice; v++) {
                        bits[c * sizeZ * slice + v] = Float.floatToRawIntBits(slab.values()[slab.offset(c) + v]);
                    }
                }
            }
        }
        return bits;
    }

    private static int[] bitsOf(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }

    /**
     * Two passes, the first retaining, and a third; asserts that each gives {@code expected} and that only the first
     * read the dataset when {@code retained}, every pass otherwise.
     */
    private static void assertPasses(Recording dataset, NonFinitePolicy policy, float[] expected, boolean retained, int threads)
            throws IOException {
        AffinitySource source = AffinitySource.of(dataset, policy, "the test volume");
        RunContext context = RunContext.of(threads, Progress.NONE);
        int slabs = (int) Math.ceil(source.grid().sizeZ() / (double) source.slabDepth());
        source.retainNextPass();
        int[] wanted = bitsOf(expected);
        for (int pass = 0; pass < 3; pass++) {
            int[] bits = pass(source, context);
            for (int i = 0; i < wanted.length; i++) {
                if (wanted[i] != bits[i]) {
                    assertEquals(Float.intBitsToFloat(wanted[i]), Float.intBitsToFloat(bits[i]), "pass " + pass + ", value " + i);
                    assertEquals(wanted[i], bits[i], "pass " + pass + ", value " + i + ": the bits");
                }
            }
            assertEquals(retained, source.retains(), "pass " + pass);
            assertEquals(retained ? slabs : (pass + 1) * slabs, dataset.reads().size(), "slab reads after pass " + pass);
        }
    }

    /** float32 values of 0.01 steps, the frequent ones first seen first: a byte each, the rare ones listed apart. */
    @Test
    void quantisedFloat32() throws IOException {
        float[] values = new float[3 * SZ * SY * SX];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < values.length; i++) {
            // 300 values: 250 common, 50 rare (one in a hundred), each k / 299 in float32
            int k = random.nextInt(100) == 0 ? 250 + random.nextInt(50) : random.nextInt(250);
            values[i] = k / 299f;
        }
        assertPasses(dataset(DataType.FLOAT32, values, SZ, CHUNK_Z), NonFinitePolicy.FAIL, values, true, 3);
    }

    /** 300 values as frequent as each other: two bytes each. */
    @Test
    void manyEquallyFrequentValues() throws IOException {
        float[] values = new float[3 * SZ * SY * SX];
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(300) / 299f;
        }
        assertPasses(dataset(DataType.FLOAT32, values, SZ, CHUNK_Z), NonFinitePolicy.FAIL, values, true, 2);
    }

    @Test
    void uint8IsRetainedAsValueOver255() throws IOException {
        byte[] bytes = new byte[3 * SZ * SY * SX];
        new SplittableRandom(5).nextBytes(bytes);
        float[] expected = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            expected[i] = (bytes[i] & 0xff) / 255f;
        }
        assertPasses(dataset(DataType.UINT8, bytes, SZ, CHUNK_Z), NonFinitePolicy.FAIL, expected, true, 2);
    }

    @Test
    void float64IsRetainedRoundedToFloat32() throws IOException {
        double[] doubles = new double[3 * SZ * SY * SX];
        float[] expected = new float[doubles.length];
        SplittableRandom random = new SplittableRandom(6);
        for (int i = 0; i < doubles.length; i++) {
            doubles[i] = random.nextInt(1000) / 999.0;
            expected[i] = (float) doubles[i];
        }
        assertPasses(dataset(DataType.FLOAT64, doubles, SZ, CHUNK_Z), NonFinitePolicy.FAIL, expected, true, 2);
    }

    /** NaN and infinities come back as their replacement, -0.0 as -0.0 (not 0.0, a value of its own). */
    @Test
    void replacedNonFiniteValuesAndNegativeZero() throws IOException {
        float[] values = new float[3 * SZ * SY * SX];
        float[] expected = new float[values.length];
        float[] pool = {Float.NaN, Float.intBitsToFloat(0x7fc00123), Float.POSITIVE_INFINITY, -0.0f, 0.0f, 0.25f, 1f};
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < values.length; i++) {
            values[i] = pool[random.nextInt(pool.length)];
            expected[i] = Float.isFinite(values[i]) ? values[i] : 0.5f;
        }
        assertPasses(dataset(DataType.FLOAT32, values.clone(), SZ, CHUNK_Z), NonFinitePolicy.replaceWith(0.5f), expected, true, 2);
    }

    /** The last of three slabs brings more than 65536 distinct values: nothing is retained, and every pass reads the dataset. */
    @Test
    void volumeThatOverflowsTheCodesInItsLastSlabIsReadAgain() throws IOException {
        int sizeZ = 150;
        int slice = SX * SY;
        float[] values = new float[3 * sizeZ * slice];
        SplittableRandom random = new SplittableRandom(8);
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < sizeZ * slice; v++) {
                // slabs [0, 50) and [50, 100): ten values; [100, 150): 72000 values, nearly all distinct
                values[c * sizeZ * slice + v] = v < 100 * slice ? random.nextInt(10) / 9f : random.nextFloat();
            }
        }
        assertPasses(dataset(DataType.FLOAT32, values, sizeZ, 50), NonFinitePolicy.FAIL, values, false, 2);
    }

    /**
     * Any shape, slab depth, thread count and number of distinct values (drawn from a pool, some much more often than
     * others): the passes give the values, and retain them exactly when there are at most 65536 distinct ones.
     */
    @Property(tries = 40)
    void anyVolumeIsGivenBitForBit(@ForAll @IntRange(min = 1, max = 60) int sizeZ, @ForAll @IntRange(min = 1, max = 60) int chunkZ,
            @ForAll @IntRange(min = 1, max = 100_000) int pool, @ForAll @IntRange(min = 1, max = 3) int threads,
            @ForAll @IntRange(min = 0, max = 1000) int seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        float[] poolValues = new float[pool];
        for (int i = 0; i < pool; i++) {
            poolValues[i] = random.nextFloat();
        }
        float[] values = new float[3 * sizeZ * SX * SY];
        Set<Integer> distinct = new HashSet<>();
        for (int i = 0; i < values.length; i++) {
            // a few pool values make half the volume
            int k = random.nextBoolean() ? random.nextInt(Math.min(pool, 8)) : random.nextInt(pool);
            values[i] = poolValues[k];
            distinct.add(Float.floatToRawIntBits(values[i]));
        }
        assertPasses(dataset(DataType.FLOAT32, values, sizeZ, Math.min(chunkZ, sizeZ)), NonFinitePolicy.FAIL, values,
                distinct.size() <= 65536, threads);
    }
}
