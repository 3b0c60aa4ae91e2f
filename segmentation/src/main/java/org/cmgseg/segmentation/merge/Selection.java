package org.cmgseg.segmentation.merge;

/** The k-th smallest of the first n floats of an array (which it reorders), compared with {@code <}. */
final class Selection {

    private Selection() {
    }

    static float select(float[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            float pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (pivot < a[j]) {
                    j--;
                }
                if (i <= j) {
                    float t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static float medianOfThree(float a, float b, float c) {
        if (a < b) {
            return b < c ? b : (a < c ? c : a);
        }
        return a < c ? a : (b < c ? c : b);
    }
}
