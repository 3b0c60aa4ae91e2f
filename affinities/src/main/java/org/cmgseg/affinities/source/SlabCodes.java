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
        return new Part(values, null, new short[length], 0, length).encode(0, length, dictionary.new Cache());
    }

    /**
     * The first {@code length} values, a byte each; null when more than one in {@value #EXCEPTIONS_PER_VALUE} has a
     * code above a byte's, or the dictionary is full. On the context's threads.
     */
    static SlabCodes narrow(float[] values, int length, ValueDictionary dictionary, RunContext context) {
        byte[] codes = new byte[length];
        List<Part> parts = encode(values, length, codes, null, dictionary, context);
        if (parts == null) {
            return null;
        }
        int exceptions = parts.stream().mapToInt(part -> part.size).sum();
        int[] at = new int[exceptions];
        float[] value = new float[exceptions];
        int i = 0;
        for (Part part : parts) {
            System.arraycopy(part.at, 0, at, i, part.size);
            System.arraycopy(part.value, 0, value, i, part.size);
            i += part.size;
        }
        return new SlabCodes(codes, at, value);
    }

    /** The first {@code length} values, two bytes each; null when the dictionary is full. On the context's threads. */
    static SlabCodes wide(float[] values, int length, ValueDictionary dictionary, RunContext context) {
        short[] codes = new short[length];
        return encode(values, length, null, codes, dictionary, context) == null ? null : new SlabCodes(codes, new int[0], new float[0]);
    }

    /** The parts of the slab in order, each coded on one of the context's threads; null when the values do not fit. */
    private static List<Part> encode(float[] values, int length, byte[] bytes, short[] shorts, ValueDictionary dictionary,
            RunContext context) {
        AtomicBoolean fits = new AtomicBoolean(true);
        List<Part> parts = new ArrayList<>();
        context.forRange(length, (from, to) -> {
            Part part = new Part(values, bytes, shorts, from, to);
            synchronized (parts) {
                parts.add(part);
            }
            ValueDictionary.Cache cache = dictionary.new Cache();
            for (int start = from; start < to && fits.get(); start += BLOCK) {
                if (!part.encode(start, Math.min(start + BLOCK, to), cache)) {
                    fits.set(false);
                }
            }
        });
        parts.sort(Comparator.comparingInt(part -> part.from));
        return fits.get() ? parts : null;
    }

    /**
     * One thread's part of a slab, values [from, to): their codes go to the slab's bytes or, wide, its shorts.
     * Narrow, the codes that do not fit a byte are listed apart, at most one in {@value #EXCEPTIONS_PER_VALUE}.
     */
    private static final class Part {
        private final float[] values;
        private final byte[] bytes;
        private final short[] shorts;
        private final int from;
        private final int most;
        private int[] at = new int[16];
        private float[] value = new float[16];
        private int size;

        Part(float[] values, byte[] bytes, short[] shorts, int from, int to) {
            this.values = values;
            this.bytes = bytes;
            this.shorts = shorts;
            this.from = from;
            this.most = (to - from) / EXCEPTIONS_PER_VALUE;
        }

        /**
         * Codes values [start, end) in the loop that looks them up, so each is touched once; false when the
         * dictionary is full or the part lists too many apart. Each value is looked for at its home slot of the
         * thread's table, whose arrays are held in locals (half the time of a lookup through the cache's fields), and
         * only elsewhere through the cache.
         */
        boolean encode(int start, int end, ValueDictionary.Cache cache) {
            float[] values = this.values;
            byte[] bytes = this.bytes;
            short[] shorts = this.shorts;
            ValueDictionary.Table table = cache.table();
            int[] keys = table.keys;
            int[] codes = table.codes;
            int shift = table.shift;
            for (int k = start; k < end; k++) {
                int bits = Float.floatToRawIntBits(values[k]);
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
                if (bytes == null) {
                    shorts[k] = (short) code;
                } else if (code < ESCAPE) {
                    bytes[k] = (byte) code;
                } else if (except(k)) {
                    bytes[k] = (byte) ESCAPE;
                } else {
                    return false;
                }
            }
            return true;
        }

        /** Lists value k apart; false when the part already lists as many as it may. */
        private boolean except(int k) {
            if (size == most) {
                return false;
            }
            if (size == at.length) {
                at = Arrays.copyOf(at, 2 * size);
                value = Arrays.copyOf(value, 2 * size);
            }
            at[size] = k;
            value[size++] = this.values[k];
            return true;
        }
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
