package org.cmgseg.segmentation.merge;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.cmgseg.segmentation.util.ArrayGrowth;

/**
 * The exact quantile of an edge's values. "Init with max" (waterz's default) gives each original
 * edge one value, its largest affinity; otherwise every face's affinity is a value. Merging pools
 * the values. The quantile is the value of rank {@link Quantile#rank} in ascending order, found by
 * selection when it is asked for (waterz's pooled-affinity variant skips that for unmerged edges;
 * this does not).
 */
public final class ExactQuantile implements EdgeStatistic {

    private final Quantile quantile;
    private final boolean initWithMax;
    /** The value of an edge that has exactly one. */
    private final float[] single;
    private final int[] size;
    /** The values of edges that have more than one (null otherwise); only the first size[e] count. */
    private final float[][] pooled;

    public ExactQuantile(int edges, Quantile quantile, boolean initWithMax) {
        this.quantile = quantile;
        this.initWithMax = initWithMax;
        single = new float[edges];
        size = new int[edges];
        pooled = new float[edges][];
    }

    @Override
    public void add(int edge, float affinity) {
        int n = size[edge];
        if (n == 0) {
            single[edge] = affinity;
            size[edge] = 1;
        } else if (initWithMax) {
            if (single[edge] < affinity) {
                single[edge] = affinity;
            }
        } else {
            float[] values = ensurePooled(edge, n + 1);
            values[n] = affinity;
            size[edge] = n + 1;
        }
    }

    @Override
    public boolean merge(int from, int to) {
        int m = size[from];
        if (m == 0) {
            return true;
        }
        int n = size[to];
        int total = Math.addExact(n, m);
        float[] values = ensurePooled(to, total);
        if (m == 1) {
            values[n] = single[from];
        } else {
            System.arraycopy(pooled[from], 0, values, n, m);
        }
        size[to] = total;
        size[from] = 0;
        pooled[from] = null;
        return true;
    }

    /** The number of values, then the values. */
    @Override
    public void writeState(int edge, DataOutput out) throws IOException {
        int n = size[edge];
        out.writeInt(n);
        for (int i = 0; i < n; i++) {
            out.writeFloat(n == 1 ? single[edge] : pooled[edge][i]);
        }
    }

    @Override
    public void readState(int edge, DataInput in) throws IOException {
        int n = in.readInt();
        if (n == 1) {
            single[edge] = in.readFloat();
        } else if (n > 1) {
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                values[i] = in.readFloat();
            }
            pooled[edge] = values;
        }
        size[edge] = n;
    }

    @Override
    public float value(int edge) {
        int n = size[edge];
        int rank = (int) quantile.rank(n);
        return n == 1 ? single[edge] : Selection.select(pooled[edge], n, rank);
    }

    /** The pooled array of an edge, able to hold {@code capacity} values, its current values in front. */
    private float[] ensurePooled(int edge, int capacity) {
        float[] values = pooled[edge];
        if (values == null) {
            values = new float[Math.max(capacity, 4)];
            if (size[edge] == 1) {
                values[0] = single[edge];
            }
        } else if (values.length < capacity) {
            values = Arrays.copyOf(values, ArrayGrowth.next(values.length, capacity));
        }
        pooled[edge] = values;
        return values;
    }
}
