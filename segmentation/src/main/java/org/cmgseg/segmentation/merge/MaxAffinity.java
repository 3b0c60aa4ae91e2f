package org.cmgseg.segmentation.merge;

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
    public float value(int edge) {
        return max[edge];
    }
}
