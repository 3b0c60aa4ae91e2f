package org.cmgseg.segmentation.fragments;

import java.util.ArrayList;
import java.util.List;

/**
 * The test oracle for {@link SteepestAscentWatershed}: the four steps of the spec done the plain way
 * (one long array of voxel states, every corner queued, a breadth-first search for every basin),
 * on the (3, z, y, x) affinity array of a small volume.
 */
final class SpecWatershed {

    private static final long LABELLED = 1L << 62;
    private static final long MARK = 0x40;

    private SpecWatershed() {
    }

    /** Steps 1 to 3: every voxel's direction bits once the plateaus are divided. */
    static long[] dividedBits(float[] aff, int sx, int sy, int sz, float low, float high) {
        int n = sx * sy * sz;
        int[] step = {-sx * sy, -sx, -1, sx * sy, sx, 1};
        long[] seg = new long[n];
        for (int z = 0; z < sz; z++) {
            for (int y = 0; y < sy; y++) {
                for (int x = 0; x < sx; x++) {
                    int v = (z * sy + y) * sx + x;
                    float[] e = {
                        z > 0 ? aff[v] : low, y > 0 ? aff[n + v] : low, x > 0 ? aff[2 * n + v] : low,
                        z < sz - 1 ? aff[v + sx * sy] : low, y < sy - 1 ? aff[n + v + sx] : low, x < sx - 1 ? aff[2 * n + v + 1] : low};
                    float m = e[2];
                    for (int d : new int[] {1, 0, 5, 4, 3}) {
                        if (m < e[d]) {
                            m = e[d];
                        }
                    }
                    if (m > low) {
                        for (int d = 0; d < 6; d++) {
                            if (e[d] == m || e[d] >= high) {
                                seg[v] |= 1L << d;
                            }
                        }
                    }
                }
            }
        }
        List<Integer> queue = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            for (int d = 0; d < 6; d++) {
                if ((seg[v] & 1L << d) != 0 && (seg[v + step[d]] & 1L << (d + 3) % 6) == 0) {
                    seg[v] |= MARK;
                    queue.add(v);
                    break;
                }
            }
        }
        for (int i = 0; i < queue.size(); i++) {
            int v = queue.get(i);
            long keep = 0;
            for (int d = 0; d < 6; d++) {
                if ((seg[v] & 1L << d) != 0) {
                    int w = v + step[d];
                    if ((seg[w] & 1L << (d + 3) % 6) == 0) {
                        keep = 1L << d;
                    } else if ((seg[w] & MARK) == 0) {
                        seg[w] |= MARK;
                        queue.add(w);
                    }
                }
            }
            seg[v] = keep;
        }
        return seg;
    }

    static long[] fragments(float[] aff, int sx, int sy, int sz, float low, float high) {
        int n = sx * sy * sz;
        int[] step = {-sx * sy, -sx, -1, sx * sy, sx, 1};
        long[] seg = dividedBits(aff, sx, sy, sz, low, high);
        long next = 1;
        for (int v = 0; v < n; v++) {
            if (seg[v] == 0) {
                seg[v] = LABELLED;
            }
            if ((seg[v] & LABELLED) != 0) {
                continue;
            }
            List<Integer> bfs = new ArrayList<>();
            bfs.add(v);
            seg[v] |= MARK;
            long label = 0;
            search:
            for (int i = 0; i < bfs.size(); i++) {
                int me = bfs.get(i);
                for (int d = 0; d < 6; d++) {
                    if ((seg[me] & 1L << d) != 0) {
                        int him = me + step[d];
                        if ((seg[him] & LABELLED) != 0) {
                            label = seg[him];
                            break search;
                        }
                        if ((seg[him] & MARK) == 0) {
                            seg[him] |= MARK;
                            bfs.add(him);
                        }
                    }
                }
            }
            if (label == 0) {
                label = LABELLED | next++;
            }
            for (int w : bfs) {
                seg[w] = label;
            }
        }
        for (int v = 0; v < n; v++) {
            seg[v] &= ~LABELLED;
        }
        return seg;
    }
}
