package org.cmgseg.segmentation.evaluate;

/** The order that sorts label pairs by first, then second label (a stable merge sort of indices on primitive arrays). */
final class PairOrder {

    private PairOrder() {
    }

    static int[] sorted(long[] first, long[] second) {
        int n = first.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] buffer = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                merge(order, buffer, lo, lo + width, Math.min(lo + 2 * width, n), first, second);
            }
        }
        return order;
    }

    private static void merge(int[] order, int[] buffer, int lo, int mid, int hi, long[] first, long[] second) {
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            int a = order[i];
            int b = order[j];
            boolean takeRight = first[b] < first[a] || (first[b] == first[a] && second[b] < second[a]);
            buffer[k++] = takeRight ? order[j++] : order[i++];
        }
        while (i < mid) {
            buffer[k++] = order[i++];
        }
        while (j < hi) {
            buffer[k++] = order[j++];
        }
        System.arraycopy(buffer, lo, order, lo, hi - lo);
    }
}
