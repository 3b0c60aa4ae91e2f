package org.cmgseg.cmg;

import org.cmgseg.core.Parallel;

/**
 * A CMG curve applied to whole arrays, on several threads. Every element is computed as by
 * {@link Cmg#value(double)} in double precision (float input is widened, the result rounded back),
 * so results are bit-identical to the scalar function and independent of the thread count.
 *
 * <p>Arrays are processed in blocks: the fast path runs over a whole block (in passes, for the
 * logit phase, whose per-element chain of dependent operations is otherwise too long for the CPU to
 * overlap elements), then the rare elements it declined are done by the full scalar function.
 */
public final class CmgTransform {

    private static final int BLOCK = 1024;

    private final Cmg curve;
    private final int threads;

    public CmgTransform(Cmg curve, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.curve = curve;
        this.threads = threads;
    }

    public CmgTransform(Cmg curve) {
        this(curve, Parallel.availableThreads());
    }

    public Cmg curve() {
        return curve;
    }

    /** In place. */
    public void apply(float[] values) {
        apply(values, values);
    }

    /** In place. */
    public void apply(double[] values) {
        apply(values, values);
    }

    public void apply(float[] in, float[] out) {
        requireSameLength(in.length, out.length);
        Parallel.forRange(in.length, threads, (from, to) -> {
            Block block = new Block();
            for (int start = from; start < to; start += BLOCK) {
                int n = Math.min(BLOCK, to - start);
                for (int i = 0; i < n; i++) {
                    block.x[i] = in[start + i];
                }
                block.compute(curve, n);
                for (int i = 0; i < n; i++) {
                    out[start + i] = (float) block.y[i];
                }
            }
        });
    }

    public void apply(double[] in, double[] out) {
        requireSameLength(in.length, out.length);
        Parallel.forRange(in.length, threads, (from, to) -> {
            Block block = new Block();
            for (int start = from; start < to; start += BLOCK) {
                int n = Math.min(BLOCK, to - start);
                System.arraycopy(in, start, block.x, 0, n);
                block.compute(curve, n);
                System.arraycopy(block.y, 0, out, start, n);
            }
        });
    }

    /** One block of inputs and outputs, with the work space of the fast path. */
    private static final class Block {
        final double[] x = new double[BLOCK];
        final double[] y = new double[BLOCK];
        final double[] t = new double[BLOCK];
        final double[] scratch = new double[BLOCK];

        void compute(Cmg curve, int n) {
            curve.valuesFast(x, y, t, scratch, n);
            for (int i = 0; i < n; i++) {
                if (y[i] != y[i]) {
                    y[i] = curve.value(x[i]);
                }
            }
        }
    }

    private static void requireSameLength(int in, int out) {
        if (in != out) {
            throw new IllegalArgumentException("input has " + in + " values but output has " + out);
        }
    }
}
