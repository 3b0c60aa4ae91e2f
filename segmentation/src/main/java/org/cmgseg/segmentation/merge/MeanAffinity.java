package org.cmgseg.segmentation.merge;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The mean affinity, as waterz computes it in float32: a running mean {@code (a + mean*n)/(n+1)}
 * over the faces in scan order, and the weighted mean when two edges merge.
 */
public final class MeanAffinity implements EdgeStatistic {

    private final float[] mean;
    private final long[] count;

    public MeanAffinity(int edges) {
        mean = new float[edges];
        count = new long[edges];
    }

    @Override
    public void add(int edge, float affinity) {
        long n = count[edge];
        mean[edge] = (affinity + mean[edge] * (float) n) / (float) (n + 1);
        count[edge] = n + 1;
    }

    @Override
    public boolean merge(int from, int to) {
        long fromN = count[from];
        long toN = count[to];
        mean[to] = (mean[from] * (float) fromN + mean[to] * (float) toN) / (float) (fromN + toN);
        count[to] = fromN + toN;
        return true;
    }

    @Override
    public void writeState(int edge, DataOutput out) throws IOException {
        out.writeFloat(mean[edge]);
        out.writeLong(count[edge]);
    }

    @Override
    public void readState(int edge, DataInput in) throws IOException {
        mean[edge] = in.readFloat();
        count[edge] = in.readLong();
    }

    @Override
    public float value(int edge) {
        return mean[edge];
    }
}
