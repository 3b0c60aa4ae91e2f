package org.cmgseg.segmentation.merge;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** The largest affinity (0 for an edge without any, as in waterz). */
public final class MaxAffinity implements EdgeStatistic {

    private final float[] max;

    public MaxAffinity(int edges) {
        max = new float[edges];
    }

    @Override
    public void add(int edge, float affinity) {
        if (max[edge] < affinity) {
            max[edge] = affinity;
        }
    }

    @Override
    public boolean merge(int from, int to) {
        if (max[to] >= max[from]) {
            return false;
        }
        max[to] = max[from];
        return true;
    }

    @Override
    public void writeState(int edge, DataOutput out) throws IOException {
        out.writeFloat(max[edge]);
    }

    @Override
    public void readState(int edge, DataInput in) throws IOException {
        max[edge] = in.readFloat();
    }

    @Override
    public float value(int edge) {
        return max[edge];
    }
}
