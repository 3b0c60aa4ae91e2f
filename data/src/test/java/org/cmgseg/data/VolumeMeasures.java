package org.cmgseg.data;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HexFormat;
import org.cmgseg.core.VoxelGrid;

/** Measurements on synthetic volumes, written from the definitions, independently of the generator. */
final class VolumeMeasures {

    private VolumeMeasures() {
    }

    /** SHA-256 over every array of the volume, in a fixed order. */
    static String fingerprint(SyntheticVolume volume) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        digest.update(volume.raw());
        ByteBuffer buffer = ByteBuffer.allocate(8 * volume.labels().length);
        buffer.asLongBuffer().put(volume.labels());
        digest.update(buffer);
        update(digest, volume.boundary());
        update(digest, volume.affinities().values());
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length);
        buffer.asFloatBuffer().put(values);
        digest.update(buffer);
    }

    static long maxLabel(long[] labels) {
        return Arrays.stream(labels).max().orElse(0);
    }

    /** The number of 6-connected components of each label, by flood fill; index 0 unused. */
    static int[] componentsPerLabel(VoxelGrid grid, long[] labels) {
        int[] components = new int[(int) maxLabel(labels) + 1];
        boolean[] seen = new boolean[labels.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int[][] steps = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
        for (int start = 0; start < labels.length; start++) {
            if (seen[start]) {
                continue;
            }
            components[(int) labels[start]]++;
            seen[start] = true;
            queue.add(start);
            while (!queue.isEmpty()) {
                int v = queue.poll();
                int x = v % grid.sizeX();
                int y = v / grid.sizeX() % grid.sizeY();
                int z = v / (grid.sizeX() * grid.sizeY());
                for (int[] step : steps) {
                    int nx = x + step[0];
                    int ny = y + step[1];
                    int nz = z + step[2];
                    if (nx < 0 || ny < 0 || nz < 0 || nx >= grid.sizeX() || ny >= grid.sizeY() || nz >= grid.sizeZ()) {
                        continue;
                    }
                    int u = grid.index(nx, ny, nz);
                    if (!seen[u] && labels[u] == labels[start]) {
                        seen[u] = true;
                        queue.add(u);
                    }
                }
            }
        }
        return components;
    }

    /** Per label, {min z, max z, min y, max y, min x, max x}; index 0 unused. */
    static int[][] boundingBoxes(VoxelGrid grid, long[] labels) {
        int[][] boxes = new int[(int) maxLabel(labels) + 1][];
        for (int z = 0; z < grid.sizeZ(); z++) {
            for (int y = 0; y < grid.sizeY(); y++) {
                for (int x = 0; x < grid.sizeX(); x++) {
                    int label = (int) labels[grid.index(x, y, z)];
                    int[] box = boxes[label];
                    if (box == null) {
                        boxes[label] = new int[] {z, z, y, y, x, x};
                    } else {
                        box[0] = Math.min(box[0], z);
                        box[1] = Math.max(box[1], z);
                        box[2] = Math.min(box[2], y);
                        box[3] = Math.max(box[3], y);
                        box[4] = Math.min(box[4], x);
                        box[5] = Math.max(box[5], x);
                    }
                }
            }
        }
        return boxes;
    }

    /** Voxels with an x or y face neighbour of another label: on a membrane. */
    static boolean[] onMembrane(VoxelGrid grid, long[] labels) {
        boolean[] on = new boolean[labels.length];
        for (int z = 0; z < grid.sizeZ(); z++) {
            for (int y = 0; y < grid.sizeY(); y++) {
                for (int x = 0; x < grid.sizeX(); x++) {
                    int v = grid.index(x, y, z);
                    on[v] = x > 0 && labels[v - 1] != labels[v] || y > 0 && labels[v - grid.sizeX()] != labels[v]
                            || x + 1 < grid.sizeX() && labels[v + 1] != labels[v] || y + 1 < grid.sizeY() && labels[v + grid.sizeX()] != labels[v];
                }
            }
        }
        return on;
    }

    /** Voxels whose whole neighbourhood of +-3 pixels in x and y and +-1 slice in z (clipped to the grid) has their label. */
    static boolean[] deepInside(VoxelGrid grid, long[] labels) {
        boolean[] deep = new boolean[labels.length];
        for (int z = 0; z < grid.sizeZ(); z++) {
            for (int y = 0; y < grid.sizeY(); y++) {
                for (int x = 0; x < grid.sizeX(); x++) {
                    long label = labels[grid.index(x, y, z)];
                    boolean same = true;
                    for (int dz = -1; dz <= 1 && same; dz++) {
                        for (int dy = -3; dy <= 3 && same; dy++) {
                            for (int dx = -3; dx <= 3 && same; dx++) {
                                int nx = x + dx;
                                int ny = y + dy;
                                int nz = z + dz;
                                if (nx >= 0 && ny >= 0 && nz >= 0 && nx < grid.sizeX() && ny < grid.sizeY() && nz < grid.sizeZ()) {
                                    same = labels[grid.index(nx, ny, nz)] == label;
                                }
                            }
                        }
                    }
                    deep[grid.index(x, y, z)] = same;
                }
            }
        }
        return deep;
    }

    /**
     * Affinity statistics of one channel over the faces (v, v - e_c) inside the grid: mean over faces within
     * one object and across objects, the share of faces across objects with affinity above 0.5 (gaps) and
     * the share of faces between two voxels deep inside one object with affinity below 0.5 (false boundaries).
     */
    record FaceStatistics(double meanInside, double meanAcross, double gapShare, double falseBoundaryShare) {

        /** {@code deep} is {@link #deepInside} of the volume's labels. */
        static FaceStatistics of(SyntheticVolume volume, boolean[] deep, int channel) {
            VoxelGrid grid = volume.grid();
            long[] labels = volume.labels();
            float[] affinities = volume.affinities().values();
            int offset = volume.affinities().channelOffset(channel);
            int stride = grid.stride(channel);
            double inside = 0;
            double across = 0;
            long insideFaces = 0;
            long acrossFaces = 0;
            long gaps = 0;
            long deepFaces = 0;
            long falseBoundaries = 0;
            for (int z = channel == 0 ? 1 : 0; z < grid.sizeZ(); z++) {
                for (int y = channel == 1 ? 1 : 0; y < grid.sizeY(); y++) {
                    for (int x = channel == 2 ? 1 : 0; x < grid.sizeX(); x++) {
                        int v = grid.index(x, y, z);
                        float affinity = affinities[offset + v];
                        if (labels[v] == labels[v - stride]) {
                            inside += affinity;
                            insideFaces++;
                            if (deep[v] && deep[v - stride]) {
                                deepFaces++;
                                falseBoundaries += affinity < 0.5f ? 1 : 0;
                            }
                        } else {
                            across += affinity;
                            acrossFaces++;
                            gaps += affinity > 0.5f ? 1 : 0;
                        }
                    }
                }
            }
            return new FaceStatistics(inside / insideFaces, across / acrossFaces, gaps / (double) acrossFaces,
                    falseBoundaries / (double) deepFaces);
        }

        double separation() {
            return meanInside - meanAcross;
        }
    }
}
