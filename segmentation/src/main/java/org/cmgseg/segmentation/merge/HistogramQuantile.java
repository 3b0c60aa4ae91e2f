package org.cmgseg.segmentation.merge;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The quantile of an edge's values from a histogram of {@code bins} equal bins over [0, 1] (waterz's
 * HistogramQuantileAffinity for 256 bins): a value a falls in bin {@code min((int)(a * bins), bins - 1)}
 * (below 0 in bin 0), and the quantile is the centre {@code (b + 0.5) / bins} of the bin holding the
 * value of rank {@link Quantile#rank}. "Init with max" counts one value per original edge, its
 * largest affinity. Histograms are compact: one (bin, count) for most edges, a sorted list of
 * (bin, count) pairs after merges, and an array of all bins only when that is smaller.
 */
public final class HistogramQuantile implements EdgeStatistic {

    private final Quantile quantile;
    private final int bins;
    private final float binsAsFloat;
    private final boolean initWithMax;
    /** A histogram of one non-empty bin: that bin and its count (count 0: empty); used when {@code multi} is null. */
    private final int[] singleBin;
    private final int[] singleCount;
    /** Other histograms, as {@link PackedHistogram}s. */
    private final int[][] multi;

    public HistogramQuantile(int edges, Quantile quantile, int bins, boolean initWithMax) {
        requireBins(bins);
        this.quantile = quantile;
        this.bins = bins;
        this.binsAsFloat = bins;
        this.initWithMax = initWithMax;
        singleBin = new int[edges];
        singleCount = new int[edges];
        multi = new int[edges][];
    }

    /** Bin counts up to 2^24 keep every bin number exact in float32. */
    public static void requireBins(int bins) {
        if (bins < 1 || bins > 1 << 24) {
            throw new IllegalArgumentException("a histogram needs 1 to 16777216 bins, got " + bins);
        }
    }

    /** The bin of a value; float32 arithmetic, as waterz's discretize. */
    public int bin(float value) {
        if (!(value < 1f)) {
            return bins - 1;
        }
        if (value <= 0f) {
            return 0;
        }
        return Math.min((int) (value * binsAsFloat), bins - 1);
    }

    /** The value a bin stands for, its centre. */
    public float binValue(int bin) {
        return (float) (((double) bin + 0.5) / bins);
    }

    @Override
    public void add(int edge, float affinity) {
        int bin = bin(affinity);
        if (singleCount[edge] == 0 && multi[edge] == null) {
            singleBin[edge] = bin;
            singleCount[edge] = 1;
        } else if (initWithMax) {
            singleBin[edge] = Math.max(singleBin[edge], bin);
        } else if (multi[edge] != null) {
            multi[edge] = PackedHistogram.add(multi[edge], bin, 1, bins);
        } else if (singleBin[edge] == bin) {
            singleCount[edge] = Math.addExact(singleCount[edge], 1);
        } else {
            multi[edge] = PackedHistogram.add(PackedHistogram.of(singleBin[edge], singleCount[edge]), bin, 1, bins);
        }
    }

    @Override
    public boolean merge(int from, int to) {
        int[] fromHistogram = multi[from];
        if (fromHistogram == null && singleCount[from] == 0) {
            return true;
        }
        if (fromHistogram == null && multi[to] == null && (singleCount[to] == 0 || singleBin[to] == singleBin[from])) {
            singleBin[to] = singleBin[from];
            singleCount[to] = Math.addExact(singleCount[to], singleCount[from]);
        } else {
            int[] a = multi[to] != null ? multi[to] : PackedHistogram.of(singleBin[to], singleCount[to]);
            int[] b = fromHistogram != null ? fromHistogram : PackedHistogram.of(singleBin[from], singleCount[from]);
            multi[to] = PackedHistogram.sum(a, b, bins);
        }
        multi[from] = null;
        singleCount[from] = 0;
        return true;
    }

    /** The single bin as (-1, bin, count), or the packed histogram as its length and entries. */
    @Override
    public void writeState(int edge, DataOutput out) throws IOException {
        int[] histogram = multi[edge];
        if (histogram == null) {
            out.writeInt(-1);
            out.writeInt(singleBin[edge]);
            out.writeInt(singleCount[edge]);
            return;
        }
        out.writeInt(histogram.length);
        for (int value : histogram) {
            out.writeInt(value);
        }
    }

    @Override
    public void readState(int edge, DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            singleBin[edge] = in.readInt();
            singleCount[edge] = in.readInt();
            return;
        }
        int[] histogram = new int[length];
        for (int i = 0; i < length; i++) {
            histogram[i] = in.readInt();
        }
        multi[edge] = histogram;
    }

    @Override
    public float value(int edge) {
        int[] histogram = multi[edge];
        if (histogram == null) {
            return binValue(singleBin[edge]);
        }
        return binValue(PackedHistogram.binOfRank(histogram, quantile.rank(PackedHistogram.total(histogram)), bins));
    }
}
