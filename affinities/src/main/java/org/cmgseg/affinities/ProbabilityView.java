package org.cmgseg.affinities;

import java.io.IOException;
import java.util.Arrays;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetInfo;

/**
 * Affinities or a boundary map as float32 values in [0, 1], checked as they are read: the one place
 * where every command finds bad values, in the reads it does anyway. float32 is read as it is, float64
 * rounded to float32, uint8 scaled by 1/255 (as 8-bit predictions are stored). NaN and infinities
 * are refused, naming the first in numpy order, or replaced as the {@link NonFinitePolicy} says; values
 * outside [0, 1] are refused with the minimum and maximum of the whole volume. What the messages name
 * is found by a second pass over the volume, on the error only, so that it does not depend on which
 * block a thread read first. {@link #range()} is the range of the finite values as stored among those read.
 */
public final class ProbabilityView implements Dataset {

    /** Reads non-finite values as NaN, which no range counts: for the second passes. */
    private static final NonFinitePolicy SKIP = new NonFinitePolicy(false, Float.NaN);

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
        return read(offset, size, 1);
    }

    @Override
    public Object read(long[] offset, int[] size, int threads) throws IOException {
        float[] values = toFloat(source.read(offset, size, threads));
        return checked(values, values.length);
    }

    /** A float32 source is read straight into {@code target} (a float[]) and checked there. */
    @Override
    public Object readInto(long[] offset, int[] size, int threads, Object target) throws IOException {
        if (source.info().dataType() != DataType.FLOAT32) {
            return Dataset.super.readInto(offset, size, threads, target);
        }
        float[] values = (float[]) source.readInto(offset, size, threads, target);
        return checked(values, Math.toIntExact(Arrays.stream(size).asLongStream().reduce(1, (a, b) -> a * b)));
    }

    /** The first {@code length} values, non-finite ones replaced (or refused), their range checked and merged into {@link #range()}. */
    private float[] checked(float[] values, int length) throws IOException {
        float[] range = {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        convert(values, length, policy, range);
        if (range[0] < 0 || range[1] > 1) {
            throw outOfRange(storedRange());
        }
        synchronized (this) {
            min = Math.min(min, range[0]);
            max = Math.max(max, range[1]);
        }
        return values;
    }

    /** The minimum and maximum of the finite values as stored among those read so far (replacements not counted). */
    public synchronized ValueRange range() {
        return new ValueRange(min, max);
    }

    /** Reads every block (on several threads) and returns {@link #range()}: the global range, checked. */
    public ValueRange scan(int threads, Progress progress) throws IOException {
        Blockwise.scan(this, (block, offset, size) -> { }, threads, progress, "scanning the value range");
        return range();
    }

    /** The first {@code length} values, non-finite ones replaced (or refused) by {@code with}, the others' range merged into {@code range}. */
    private void convert(float[] values, int length, NonFinitePolicy with, float[] range) throws IOException {
        float lo = range[0];
        float hi = range[1];
        for (int i = 0; i < length; i++) {
            float v = values[i];
            if (Float.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            } else if (with.fail()) {
                throw firstNonFinite();
            } else {
                values[i] = with.replacement();
            }
        }
        range[0] = lo;
        range[1] = hi;
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

    /** The range of the finite values of the whole source, one block at a time. */
    private ValueRange storedRange() throws IOException {
        float[] range = {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        Blockwise.scan(source, (block, offset, size) -> {
            float[] values = toFloat(block);
            convert(values, values.length, SKIP, range);
        }, 1, Progress.NONE, "value range");
        return new ValueRange(range[0], range[1]);
    }

    /** The failure naming the first non-finite value of the whole source in numpy (C) order. */
    private IllegalArgumentException firstNonFinite() throws IOException {
        float[] value = new float[1];
        long[][] found = new long[1][];
        Blockwise.scan(source, (block, offset, size) -> {
            float[] values = toFloat(block);
            for (int i = 0; i < values.length; i++) {
                if (!Float.isFinite(values[i])) {
                    long[] p = position(i, offset, size);
                    if (found[0] == null || Arrays.compare(p, found[0]) < 0) {
                        found[0] = p;
                        value[0] = values[i];
                    }
                }
            }
        }, 1, Progress.NONE, "non-finite values");
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
