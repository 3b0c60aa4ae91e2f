package org.cmgseg.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Non-overlapping disks dropped at random into a rectangle, largest first (random sequential adsorption):
 * the cross-sections at which the neurites running along z start.
 */
final class DiskPacking {

    private static final int TRIES_PER_DISK = 30;

    record Disk(double x, double y, double radius) {
    }

    private DiskPacking() {
    }

    /** Places as many of the radii (sorted largest first) as fit, each at the first of a few random positions that is free. */
    static List<Disk> pack(double[] radiiLargestFirst, double minX, double minY, double maxX, double maxY, SplittableRandom random) {
        List<Disk> placed = new ArrayList<>();
        if (radiiLargestFirst.length == 0) {
            return placed;
        }
        double cell = 2 * radiiLargestFirst[0]; // no two disks closer than the sum of their radii reach past one cell
        int columns = (int) Math.ceil((maxX - minX) / cell) + 1;
        int rows = (int) Math.ceil((maxY - minY) / cell) + 1;
        List<List<Disk>> buckets = new ArrayList<>();
        for (int i = 0; i < columns * rows; i++) {
            buckets.add(new ArrayList<>());
        }
        for (double radius : radiiLargestFirst) {
            for (int attempt = 0; attempt < TRIES_PER_DISK; attempt++) {
                double x = minX + random.nextDouble() * (maxX - minX);
                double y = minY + random.nextDouble() * (maxY - minY);
                int column = (int) ((x - minX) / cell);
                int row = (int) ((y - minY) / cell);
                if (isFree(buckets, columns, rows, column, row, x, y, radius)) {
                    Disk disk = new Disk(x, y, radius);
                    placed.add(disk);
                    buckets.get(row * columns + column).add(disk);
                    break;
                }
            }
        }
        return placed;
    }

    private static boolean isFree(List<List<Disk>> buckets, int columns, int rows, int column, int row, double x, double y, double radius) {
        for (int r = Math.max(row - 1, 0); r <= Math.min(row + 1, rows - 1); r++) {
            for (int c = Math.max(column - 1, 0); c <= Math.min(column + 1, columns - 1); c++) {
                for (Disk other : buckets.get(r * columns + c)) {
                    double dx = other.x() - x;
                    double dy = other.y() - y;
                    double gap = other.radius() + radius;
                    if (dx * dx + dy * dy < gap * gap) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
