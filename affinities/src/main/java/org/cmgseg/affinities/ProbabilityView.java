package org.cmgseg.affinities;

import java.io.IOException;
import java.util.Arrays;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.core.RunContext;

/**
 * Affinities or a boundary map as float32 values in [0, 1], checked as they are read: the one place
 * where every command finds bad values, in the reads it does anyway. float32 is read as it is, float64
 * rounded to float32, uint8 scaled by 1/255 (as 8-bit predictions are stored). NaN and infinities
 * are refused, naming the first in numpy order, or replaced as the {@link NonFinitePolicy} says; values
 * outside [0, 1] are refused with the minimum and maximum of the whole volume. What the messages name
 * is found by a second pass over the volume, on the error only, so that it does not depend on which
 * block a thread read first (values outside [0, 1] are named before a refused non-finite value).
 * {@link #range()} is the range of the finite values as stored among those read.
 */
public final class ProbabilityView implements Dataset {

    private static final int ONE_BITS = Float.floatToRawIntBits(1f);

    private final Dataset source;
    private final NonFinitePolicy policy;
    private final String where;
    private final DatasetInfo info;
    private float min = Float.POSITIVE_INFINITY;
    private float max = Float.NEGATIVE_INFINITY;

    private ProbabilityView(Dataset source, NonFinitePolicy policy, String where) {
        this.source = source;
        this.policy = policy;
        this.where = where;
        DatasetInfo in = source.info();
        this.info = new DatasetInfo(in.dimensions(), in.blockSize(), DataType.FLOAT32, in.compression());
    }

    /** Fails with one line naming {@code where} unless the dataset has a usable type and holds voxels. */
    public static ProbabilityView of(Dataset source, NonFinitePolicy policy, String where) {
        check(source.info(), where);
        return new ProbabilityView(source, policy, where);
    }

    /** The checks of {@link #of} that need no data, to make before any output is created. */
    public static void check(DatasetInfo in, String where) {
        DataType type = in.dataType();
        if (type != DataType.FLOAT32 && type != DataType.FLOAT64 && type != DataType.UINT8) {
            throw new IllegalArgumentException(where + " is " + type.label() + "; affinities and boundary maps are float32 or float64 "
                    + "in [0, 1], or uint8 (read as value / 255)");
        }
        if (in.elements() == 0) {
            throw new IllegalArgumentException(where + " has shape " + in.shapeText() + ": it holds no voxels");
        }
    }

    @Override
    public DatasetInfo info() {
        return info;
    }

    /** What messages call the volume. */
    public String where() {
        return where;
    }

    @Override
    public String storage() {
        return source.storage();
    }

    /** The region as float32 in [0, 1], or a one-line failure. */
    @Override
    public Object read(long[] offset, int[] size) throws IOException {
        return read(offset, size, RunContext.sequential());
    }

    @Override
    public Object read(long[] offset, int[] size, RunContext context) throws IOException {
        float[] values = toFloat(source.read(offset, size, context));
        return checked(values, values.length, context);
    }

    /** A float32 source is read straight into {@code target} (a float[]) and checked there. */
    @Override
    public Object readInto(long[] offset, int[] size, RunContext context, Object target) throws IOException {
        if (source.info().dataType() != DataType.FLOAT32) {
            return Dataset.super.readInto(offset, size, context, target);
        }
        float[] values = (float[]) source.readInto(offset, size, context, target);
        return checked(values, Math.toIntExact(Arrays.stream(size).asLongStream().reduce(1, (a, b) -> a * b)), context);
    }

    /**
     * The first {@code length} values, non-finite ones replaced (or refused), their range checked and merged into
     * {@link #range()}; on the context's threads, each taking its own part (minimum and maximum do not depend
     * on the order they are taken in).
     */
    private float[] checked(float[] values, int length, RunContext context) throws IOException {
        float[] lo = new float[1];
        float[] hi = new float[1];
        lo[0] = Float.POSITIVE_INFINITY;
        hi[0] = Float.NEGATIVE_INFINITY;
        boolean[] refused = new boolean[1];
        context.forRange(length, (from, to) -> {
            float partLo;
            float partHi;
            // first as ints: the raw bits of floats in [+0, 1] order as the floats do, and an int minimum and maximum
            // taken with branches (which rarely change them, so are predicted) is twice as fast as Math.min's chain
            int lowBits = Integer.MAX_VALUE;
            int highBits = Integer.MIN_VALUE;
            for (int i = from; i < to; i++) {
                int bits = Float.floatToRawIntBits(values[i]);
                if (bits < lowBits) {
                    lowBits = bits;
                }
                if (bits > highBits) {
                    highBits = bits;
                }
            }
            if (0 <= lowBits && lowBits <= highBits && highBits <= ONE_BITS) {
                partLo = Float.intBitsToFloat(lowBits);
                partHi = Float.intBitsToFloat(highBits);
            } else {
                // any value outside [+0, 1] (-0.0, NaN, infinities) or an empty part: as floats, min and max carrying a NaN
                // or an infinity through, and only then value by value
                partLo = Float.POSITIVE_INFINITY;
                partHi = Float.NEGATIVE_INFINITY;
                for (int i = from; i < to; i++) {
                    partLo = Math.min(partLo, values[i]);
                    partHi = Math.max(partHi, values[i]);
                }
            }
            boolean partRefused = false;
            if (!Float.isFinite(partLo) || !Float.isFinite(partHi)) {
                partLo = Float.POSITIVE_INFINITY;
                partHi = Float.NEGATIVE_INFINITY;
                for (int i = from; i < to; i++) {
                    float v = values[i];
                    if (Float.isFinite(v)) {
                        partLo = Math.min(partLo, v);
                        partHi = Math.max(partHi, v);
                    } else if (policy.fail()) {
                        partRefused = true;
                    } else {
                        values[i] = policy.replacement();
                    }
                }
            }
            synchronized (refused) {
                lo[0] = Math.min(lo[0], partLo);
                hi[0] = Math.max(hi[0], partHi);
                refused[0] |= partRefused;
            }
        });
        if (refused[0] || lo[0] < 0 || hi[0] > 1) {
            throw badValues();
        }
        synchronized (this) {
            min = Math.min(min, lo[0]);
            max = Math.max(max, hi[0]);
        }
        return values;
    }

    /** The minimum and maximum of the finite values as stored among those read so far (replacements not counted). */
    public synchronized ValueRange range() {
        return new ValueRange(min, max);
    }

    /** Reads every block (on several threads) and returns {@link #range()}: the global range, checked. */
    public ValueRange scan(RunContext context) throws IOException {
        Blockwise.scan(this, (block, offset, size) -> { }, context, "scanning the value range");
        return range();
    }

    private static float[] toFloat(Object block) {
        if (block instanceof float[] floats) {
            return floats;
        }
        if (block instanceof double[] doubles) {
            float[] out = new float[doubles.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) doubles[i];
            }
            return out;
        }
        byte[] bytes = (byte[]) block;
        float[] out = new float[bytes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (bytes[i] & 0xff) / 255f;
        }
        return out;
    }

    /**
     * The failure of a volume with bad values, from a pass over the whole source, so that it is the same
     * whichever block failed: the range of the finite values if it leaves [0, 1], else the first
     * non-finite value in numpy (C) order.
     */
    private IllegalArgumentException badValues() throws IOException {
        float[] range = {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        float[] value = new float[1];
        long[][] found = new long[1][];
        Blockwise.scan(source, (block, offset, size) -> {
            float[] values = toFloat(block);
            for (int i = 0; i < values.length; i++) {
                if (Float.isFinite(values[i])) {
                    range[0] = Math.min(range[0], values[i]);
                    range[1] = Math.max(range[1], values[i]);
                } else if (policy.fail()) {
                    long[] p = position(i, offset, size);
                    if (found[0] == null || Arrays.compare(p, found[0]) < 0) {
                        found[0] = p;
                        value[0] = values[i];
                    }
                }
            }
        }, RunContext.sequential(), "bad values");
        if (range[0] < 0 || range[1] > 1) {
            return outOfRange(new ValueRange(range[0], range[1]));
        }
        return new IllegalArgumentException(where + " holds " + value[0] + " at " + Arrays.toString(found[0])
                + "; give a value in [0, 1] to read NaN and infinities as (--nan-as)");
    }

    /** The numpy-order position (slowest axis first) of element i of a region (offset and size fastest axis first). */
    private static long[] position(int i, long[] offset, int[] size) {
        long[] p = new long[size.length];
        for (int d = 0; d < size.length; d++) {
            p[size.length - 1 - d] = offset[d] + i % size[d];
            i /= size[d];
        }
        return p;
    }

    private IllegalArgumentException outOfRange(ValueRange stored) {
        String hint = stored.min() >= 0 && stored.max() >= 2 && stored.max() <= 255
                ? "; it looks like 8-bit data: divide it by 255, or store it as uint8, which is read as value / 255" : "";
        return new IllegalArgumentException(where + " holds values from " + (float) stored.min() + " to " + (float) stored.max()
                + ", outside [0, 1]" + hint);
    }
}
