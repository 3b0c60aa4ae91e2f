package org.cmgseg.segmentation.merge;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The mean of the k largest affinities (fewer if the edge has fewer), waterz's {@code max_10} for
 * k = 10: each edge keeps its k largest values in descending order, and the mean sums them in that
 * order in float32.
 */
public final class MeanOfLargest implements EdgeStatistic {

    private static final float EMPTY = -Float.MAX_VALUE;

    private final int k;
    private final float[] values;
    private final float[] scratch;

    public MeanOfLargest(int edges, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("the mean of the k largest affinities needs k >= 1, got " + k);
        }
        long length = (long) edges * k;
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the " + k + " largest affinities of " + edges + " edges do not fit one array; use a smaller k");
        }
        this.k = k;
        values = new float[(int) length];
        Arrays.fill(values, EMPTY);
        scratch = new float[k];
    }

    @Override
    public void add(int edge, float affinity) {
        int base = edge * k;
        for (int i = 0; i < k; i++) {
            float current = values[base + i];
            if (current == EMPTY) {
                values[base + i] = affinity;
                return;
            }
            if (current < affinity) {
                System.arraycopy(values, base + i, values, base + i + 1, k - 1 - i);
                values[base + i] = affinity;
                return;
            }
        }
    }

    /** Merging is not thread-safe (it uses one scratch array); it runs on the agglomeration's thread. */
    @Override
    public boolean merge(int from, int to) {
        int a = to * k;
        int b = from * k;
        System.arraycopy(values, a, scratch, 0, k);
        int i = 0;
        int j = 0;
        for (int n = 0; n < k; n++) {
            values[a + n] = scratch[i] > values[b + j] ? scratch[i++] : values[b + j++];
        }
        return true;
    }

    /** The k slots of the edge, empty ones included. */
    @Override
    public void writeState(int edge, DataOutput out) throws IOException {
        for (int i = 0; i < k; i++) {
            out.writeFloat(values[edge * k + i]);
        }
    }

    @Override
    public void readState(int edge, DataInput in) throws IOException {
        for (int i = 0; i < k; i++) {
            values[edge * k + i] = in.readFloat();
        }
    }

    @Override
    public float value(int edge) {
        int base = edge * k;
        float sum = 0;
        int n = 0;
        while (n < k && values[base + n] != EMPTY) {
            sum += values[base + n];
            n++;
        }
        return sum / n;
    }
}
