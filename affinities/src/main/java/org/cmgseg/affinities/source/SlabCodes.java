package org.cmgseg.affinities.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cmgseg.core.RunContext;

/**
 * One slab's values as codes of a {@link ValueDictionary}, a byte each (narrow) or two (wide). Narrow, the
 * byte {@link #ESCAPE} stands for a value whose code does not fit a byte: the slab lists those apart, by
 * position. A dictionary fills in the order values are first seen, so the frequent values of a volume with a
 * few hundred distinct ones get the small codes and the rest are rare.
 */
final class SlabCodes {

    private static final int ESCAPE = 255;
    /** A narrow slab lists at most one value in this many apart; more, and it is wide. */
    private static final int EXCEPTIONS_PER_VALUE = 64;
    /** Values coded between looks at whether another thread has given up. */
    private static final int BLOCK = 4096;

    /** byte[] or short[]. */
    private final Object codes;
    private final int[] exceptionAt;
    private final float[] exceptionValue;

    private SlabCodes(Object codes, int[] exceptionAt, float[] exceptionValue) {
        this.codes = codes;
        this.exceptionAt = exceptionAt;
        this.exceptionValue = exceptionValue;
    }

    /**
     * Whether the first {@code length} values have codes, looked up on this thread; a cheap first look at a slab,
     * which refuses continuous values (whose first 65537 distinct ones fill the dictionary) before any codes' array
     * is allocated.
     */
    static boolean fit(float[] values, int length, ValueDictionary dictionary) {
        ValueDictionary.Cache cache = dictionary.new Cache();
        short[] block = new short[BLOCK];
        for (int start = 0; start < length; start += BLOCK) {
            if (!codes(values, start, Math.min(BLOCK, length - start), block, cache)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first {@code length} values, a byte each; null when more than one in {@value #EXCEPTIONS_PER_VALUE} has a
     * code above a byte's, or the dictionary is full. On the context's threads.
     */
    static SlabCodes narrow(float[] values, int length, ValueDictionary dictionary, RunContext context) {
        byte[] codes = new byte[length];
        List<NarrowPart> parts = new ArrayList<>();
        boolean fits = encode(values, length, dictionary, context, (from, to) -> {
            NarrowPart part = new NarrowPart(values, codes, from, to);
            synchronized (parts) {
                parts.add(part);
            }
            return part;
        });
        if (!fits) {
            return null;
        }
        parts.sort(Comparator.comparingInt(part -> part.from));
        int exceptions = parts.stream().mapToInt(part -> part.size).sum();
        int[] at = new int[exceptions];
        float[] value = new float[exceptions];
        int i = 0;
        for (NarrowPart part : parts) {
            System.arraycopy(part.at, 0, at, i, part.size);
            System.arraycopy(part.value, 0, value, i, part.size);
            i += part.size;
        }
        return new SlabCodes(codes, at, value);
    }

    /** The first {@code length} values, two bytes each; null when the dictionary is full. On the context's threads. */
    static SlabCodes wide(float[] values, int length, ValueDictionary dictionary, RunContext context) {
        short[] codes = new short[length];
        boolean fits = encode(values, length, dictionary, context, (from, to) -> (block, start, n) -> {
            System.arraycopy(block, 0, codes, start, n);
            return true;
        });
        return fits ? new SlabCodes(codes, new int[0], new float[0]) : null;
    }

    /** Where one thread's part of the slab puts the codes of its blocks of values; false to give up. */
    private interface Part {
        boolean store(short[] block, int from, int n);
    }

    /** The part of values [from, to). */
    private interface Parts {
        Part start(int from, int to);
    }

    /** A part of a narrow slab: codes that fit a byte go there, the others to its exceptions. */
    private static final class NarrowPart implements Part {
        private final float[] values;
        private final byte[] codes;
        private final int from;
        private final int most;
        private int[] at = new int[16];
        private float[] value = new float[16];
        private int size;

        NarrowPart(float[] values, byte[] codes, int from, int to) {
            this.values = values;
            this.codes = codes;
            this.from = from;
            this.most = (to - from) / EXCEPTIONS_PER_VALUE;
        }

        @Override
        public boolean store(short[] block, int start, int n) {
            for (int k = 0; k < n; k++) {
                int code = block[k] & 0xffff;
                if (code < ESCAPE) {
                    codes[start + k] = (byte) code;
                } else {
                    codes[start + k] = (byte) ESCAPE;
                    if (size == most) {
                        return false;
                    }
                    if (size == at.length) {
                        at = Arrays.copyOf(at, 2 * size);
                        value = Arrays.copyOf(value, 2 * size);
                    }
                    at[size] = start + k;
                    value[size++] = values[start + k];
                }
            }
            return true;
        }
    }

    private static boolean encode(float[] values, int length, ValueDictionary dictionary, RunContext context, Parts parts) {
        AtomicBoolean fits = new AtomicBoolean(true);
        context.forRange(length, (from, to) -> {
            Part part = parts.start(from, to);
            ValueDictionary.Cache cache = dictionary.new Cache();
            short[] block = new short[BLOCK];
            for (int start = from; start < to && fits.get(); start += BLOCK) {
                int n = Math.min(BLOCK, to - start);
                if (!codes(values, start, n, block, cache) || !part.store(block, start, n)) {
                    fits.set(false);
                }
            }
        });
        return fits.get();
    }

    /**
     * The codes of values [from, from + n) into block[0, n); false when the dictionary is full. Each value is looked
     * for at its home slot of the thread's table, whose arrays are held in locals (half the time of a lookup through
     * the cache's fields), and only elsewhere through the cache.
     */
    private static boolean codes(float[] values, int from, int n, short[] block, ValueDictionary.Cache cache) {
        ValueDictionary.Table table = cache.table();
        int[] keys = table.keys;
        int[] codes = table.codes;
        int shift = table.shift;
        for (int k = 0; k < n; k++) {
            int bits = Float.floatToRawIntBits(values[from + k]);
            int slot = ValueDictionary.Table.home(bits, shift);
            int code = keys[slot] == bits ? codes[slot] : -1;
            if (code < 0) {
                code = cache.code(bits);
                if (code < 0) {
                    return false;
                }
                table = cache.table();
                keys = table.keys;
                codes = table.codes;
                shift = table.shift;
            }
            block[k] = (short) code;
        }
        return true;
    }

    /** Decodes codes [from, from + n) into out[at, at + n) with the values of the codes. */
    void decode(int from, float[] out, int at, int n, float[] table) {
        if (codes instanceof short[] shorts) {
            for (int k = 0; k < n; k++) {
                out[at + k] = table[shorts[from + k] & 0xffff];
            }
            return;
        }
        byte[] bytes = (byte[]) codes;
        for (int k = 0; k < n; k++) {
            out[at + k] = table[bytes[from + k] & 0xff];
        }
        int i = Arrays.binarySearch(exceptionAt, from);
        for (i = i < 0 ? -i - 1 : i; i < exceptionAt.length && exceptionAt[i] < from + n; i++) {
            out[at + exceptionAt[i] - from] = exceptionValue[i];
        }
    }
}
