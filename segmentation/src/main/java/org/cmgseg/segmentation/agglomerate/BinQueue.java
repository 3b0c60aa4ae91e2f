package org.cmgseg.segmentation.agglomerate;

import org.cmgseg.segmentation.util.ArrayGrowth;

/**
 * waterz's discretised queue ({@code discretize_queue = N}): a score s goes into bin
 * {@code min((int)(s * N), N - 1)} (below 0 into bin 0, 1 and above into the last), each bin is
 * first in first out, and the front is the front of the lowest non-empty bin, whatever the scores
 * behind it.
 */
public final class BinQueue implements EdgeQueue {

    private final int bins;
    private final float binsAsFloat;
    private final int[][] items;
    private final int[] head;
    private final int[] tail;
    /** The lowest non-empty bin, -1 when the queue is empty. */
    private int minBin = -1;

    public BinQueue(int bins) {
        if (bins < 1 || bins > 1 << 24) {
            throw new IllegalArgumentException("a bin queue needs 1 to 16777216 bins, got " + bins);
        }
        this.bins = bins;
        this.binsAsFloat = bins;
        items = new int[bins][];
        head = new int[bins];
        tail = new int[bins];
    }

    public int bin(float score) {
        if (!(score < 1f)) {
            return bins - 1;
        }
        if (score <= 0f) {
            return 0;
        }
        return Math.min((int) (score * binsAsFloat), bins - 1);
    }

    @Override
    public void push(int edge, float score) {
        int b = bin(score);
        int[] fifo = items[b];
        if (fifo == null) {
            fifo = items[b] = new int[16];
        } else if (tail[b] == fifo.length) {
            int live = tail[b] - head[b];
            int[] next = live <= fifo.length / 2 ? fifo : new int[ArrayGrowth.next(fifo.length, live + 1)];
            System.arraycopy(fifo, head[b], next, 0, live);
            fifo = items[b] = next;
            head[b] = 0;
            tail[b] = live;
        }
        fifo[tail[b]++] = edge;
        minBin = minBin == -1 ? b : Math.min(minBin, b);
    }

    @Override
    public int top() {
        return items[minBin][head[minBin]];
    }

    @Override
    public void pop() {
        if (++head[minBin] < tail[minBin]) {
            return;
        }
        head[minBin] = 0;
        tail[minBin] = 0;
        for (; minBin < bins; minBin++) {
            if (tail[minBin] > 0) {
                return;
            }
        }
        minBin = -1;
    }

    @Override
    public boolean isEmpty() {
        return minBin == -1;
    }
}
