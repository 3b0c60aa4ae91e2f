package org.cmgseg.data;

import org.cmgseg.core.VoxelGrid;

/**
 * Turns a voxel-to-neurite assignment into ground-truth labels in which every object is one
 * 6-connected component: each connected piece of a neurite becomes an object of its own, and pieces
 * smaller than a minimum size are handed to their neighbours, grown in from around them.
 * Objects are numbered 1..N in the order in which they first occur in memory order.
 */
final class ConnectedLabels {

    private ConnectedLabels() {
    }

    static long[] of(VoxelGrid grid, int[] owner, int minVoxels) {
        int[] piece = connectedPieces(grid, owner);
        int pieces = 0;
        for (int p : piece) {
            pieces = Math.max(pieces, p + 1);
        }
        int[] size = new int[pieces];
        for (int p : piece) {
            size[p]++;
        }
        int largest = 0;
        for (int s : size) {
            largest = Math.max(largest, s);
        }
        int keepFrom = Math.min(minVoxels, largest);
        int[] object = piece; // from here on: piece + 1 for kept pieces, 0 for voxels still to be handed over
        int unassigned = 0;
        for (int v = 0; v < object.length; v++) {
            boolean kept = size[piece[v]] >= keepFrom;
            object[v] = kept ? piece[v] + 1 : 0;
            unassigned += kept ? 0 : 1;
        }
        if (unassigned > 0) {
            growInto(grid, object, unassigned);
        }
        return numberByFirstOccurrence(object, pieces);
    }

    /**
     * The 6-connected components of equal owner, numbered 0, 1, ... in order of their first voxel: a union-find
     * over the faces to the previous voxel along each axis, in which every set is rooted at its first voxel.
     */
    private static int[] connectedPieces(VoxelGrid grid, int[] owner) {
        int sizeX = grid.sizeX();
        int sizeY = grid.sizeY();
        int sliceSize = sizeX * sizeY;
        int[] parent = new int[owner.length];
        for (int z = 0, v = 0; z < grid.sizeZ(); z++) {
            for (int y = 0; y < sizeY; y++) {
                for (int x = 0; x < sizeX; x++, v++) {
                    parent[v] = v;
                    if (x > 0 && owner[v - 1] == owner[v]) {
                        union(parent, v, v - 1);
                    }
                    if (y > 0 && owner[v - sizeX] == owner[v]) {
                        union(parent, v, v - sizeX);
                    }
                    if (z > 0 && owner[v - sliceSize] == owner[v]) {
                        union(parent, v, v - sliceSize);
                    }
                }
            }
        }
        int[] piece = new int[owner.length];
        int pieces = 0;
        for (int v = 0; v < owner.length; v++) {
            int root = find(parent, v);
            piece[v] = root == v ? pieces++ : piece[root]; // roots come first, so piece[root] is already set
        }
        return piece;
    }

    private static void union(int[] parent, int a, int b) {
        int rootA = find(parent, a);
        int rootB = find(parent, b);
        parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
    }

    /** The root, halving the path on the way. */
    private static int find(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    /**
     * Hands the unassigned voxels (0) to assigned face neighbours, one layer per round: a voxel joins the
     * first neighbour, in a fixed order, that was assigned before the round. Each voxel joins an object it
     * touches, so objects stay connected.
     */
    private static void growInto(VoxelGrid grid, int[] object, int unassigned) {
        int sizeX = grid.sizeX();
        int sizeY = grid.sizeY();
        int sliceSize = sizeX * sizeY;
        int[] open = new int[unassigned];
        int count = 0;
        for (int v = 0; v < object.length; v++) {
            if (object[v] == 0) {
                open[count++] = v;
            }
        }
        int[] joins = new int[unassigned];
        while (count > 0) {
            for (int i = 0; i < count; i++) {
                int v = open[i];
                int x = v % sizeX;
                int y = v / sizeX % sizeY;
                int z = v / sliceSize;
                int joined = 0;
                if (x > 0 && object[v - 1] > 0) {
                    joined = object[v - 1];
                } else if (x < sizeX - 1 && object[v + 1] > 0) {
                    joined = object[v + 1];
                } else if (y > 0 && object[v - sizeX] > 0) {
                    joined = object[v - sizeX];
                } else if (y < sizeY - 1 && object[v + sizeX] > 0) {
                    joined = object[v + sizeX];
                } else if (z > 0 && object[v - sliceSize] > 0) {
                    joined = object[v - sliceSize];
                } else if (z < grid.sizeZ() - 1 && object[v + sliceSize] > 0) {
                    joined = object[v + sliceSize];
                }
                joins[i] = joined;
            }
            int stillOpen = 0;
            for (int i = 0; i < count; i++) {
                if (joins[i] > 0) {
                    object[open[i]] = joins[i];
                } else {
                    open[stillOpen++] = open[i];
                }
            }
            count = stillOpen;
        }
    }

    private static long[] numberByFirstOccurrence(int[] object, int pieces) {
        int[] number = new int[pieces + 1];
        int next = 0;
        long[] labels = new long[object.length];
        for (int v = 0; v < object.length; v++) {
            int o = object[v];
            if (number[o] == 0) {
                number[o] = ++next;
            }
            labels[v] = number[o];
        }
        return labels;
    }
}
