package org.cmgseg.segmentation.merge;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/** The smallest affinity (the largest float for an edge without any, as in waterz). */
public final class MinAffinity implements EdgeStatistic {

    private final float[] min;

    public MinAffinity(int edges) {
        min = new float[edges];
        Arrays.fill(min, Float.MAX_VALUE);
    }

    @Override
    public void add(int edge, float affinity) {
        if (affinity < min[edge]) {
            min[edge] = affinity;
        }
    }

    @Override
    public boolean merge(int from, int to) {
        if (min[to] <= min[from]) {
            return false;
        }
        min[to] = min[from];
        return true;
    }

    @Override
    public void writeState(int edge, DataOutput out) throws IOException {
        out.writeFloat(min[edge]);
    }

    @Override
    public void readState(int edge, DataInput in) throws IOException {
        min[edge] = in.readFloat();
    }

    @Override
    public float value(int edge) {
        return min[edge];
    }
}
