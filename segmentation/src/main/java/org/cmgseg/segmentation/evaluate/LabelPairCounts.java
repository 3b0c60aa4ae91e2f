package org.cmgseg.segmentation.evaluate;

/**
 * Voxel counts per (ground truth, segmentation) label pair, in an open-addressing hash table of
 * primitive arrays: no dense table, any uint64 labels. Counts from separate blocks (or threads,
 * or Spark partitions) are combined with {@link #addAll}.
 */
public final class LabelPairCounts {

    private long[] gt;
    private long[] seg;
    private long[] counts;
    private int size;
    private long voxels;
    /** Voxels of ground truth 0 counted by {@link #addVoxels}, not in any pair. */
    private long ignored;

    public LabelPairCounts() {
        allocate(1 << 12);
    }

    private void allocate(int capacity) {
        gt = new long[capacity];
        seg = new long[capacity];
        counts = new long[capacity];
    }

    /**
     * Counts the voxels [from, to) of two label volumes of the same layout. Voxels of ground truth 0, which every score
     * ignores, count only in {@link #voxels()}: no pair of ground truth 0 is kept.
     */
    public void addVoxels(long[] groundTruth, long[] segmentation, int from, int to) {
        int v = from;
        while (v < to) {
            int start = v;
            long a = groundTruth[v];
            if (a == 0) {
                while (v < to && groundTruth[v] == 0) {
                    v++;
                }
                ignored += v - start;
            } else {
                long b = segmentation[v];
                while (v < to && groundTruth[v] == a && segmentation[v] == b) {
                    v++;
                }
                add(a, b, v - start);
            }
        }
    }

    public void add(long groundTruth, long segmentation, long count) {
        if (2 * (size + 1) > counts.length) {
            grow();
        }
        int mask = counts.length - 1;
        for (int i = slot(groundTruth, segmentation, mask); ; i = (i + 1) & mask) {
            if (counts[i] == 0) {
                gt[i] = groundTruth;
                seg[i] = segmentation;
                counts[i] = count;
                size++;
                break;
            }
            if (gt[i] == groundTruth && seg[i] == segmentation) {
                counts[i] += count;
                break;
            }
        }
        voxels += count;
    }

    /** The count of a pair, 0 if it never occurred. */
    public long count(long groundTruth, long segmentation) {
        int mask = counts.length - 1;
        for (int i = slot(groundTruth, segmentation, mask); counts[i] != 0; i = (i + 1) & mask) {
            if (gt[i] == groundTruth && seg[i] == segmentation) {
                return counts[i];
            }
        }
        return 0;
    }

    public void addAll(LabelPairCounts other) {
        ignored += other.ignored;
        for (int i = 0; i < other.counts.length; i++) {
            if (other.counts[i] != 0) {
                add(other.gt[i], other.seg[i], other.counts[i]);
            }
        }
    }

    private static int slot(long a, long b, int mask) {
        long h = a * 0x9E3779B97F4A7C15L + b;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        return (int) h & mask;
    }

    private void grow() {
        long[] oldGt = gt;
        long[] oldSeg = seg;
        long[] oldCounts = counts;
        allocate(oldCounts.length * 2);
        size = 0;
        long total = voxels;
        for (int i = 0; i < oldCounts.length; i++) {
            if (oldCounts[i] != 0) {
                add(oldGt[i], oldSeg[i], oldCounts[i]);
            }
        }
        voxels = total;
    }

    /** The number of distinct pairs. */
    public int pairs() {
        return size;
    }

    /** Every voxel counted, those of ground truth 0 included. */
    public long voxels() {
        return voxels + ignored;
    }

    /** The pairs as three parallel arrays, in table order. */
    long[][] toArrays() {
        long[][] out = {new long[size], new long[size], new long[size]};
        int k = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                out[0][k] = gt[i];
                out[1][k] = seg[i];
                out[2][k++] = counts[i];
            }
        }
        return out;
    }
}
