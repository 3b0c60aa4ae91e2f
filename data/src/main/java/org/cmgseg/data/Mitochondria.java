package org.cmgseg.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cmgseg.core.VoxelGrid;

/** Where the mitochondria are, and a soft mask of them: 1 inside, 0 outside, a one-pixel ramp at the edge. */
final class Mitochondria {

    private static final double MIN_HOST_RADIUS_NM = 32;
    private static final double MIN_RADIUS_NM = 48;
    private static final double MAX_RADIUS_NM = 88;
    private static final double MAX_HOST_FILL = 0.55;
    /** How far the mitochondrion may sit from the centre line, as a share of the host radius, tube included. */
    private static final double MAX_REACH = 0.8;
    private static final double MIN_LENGTH_NM = 300;
    private static final double MAX_LENGTH_NM = 1200;

    private Mitochondria() {
    }

    /** Walks each neurite inside the volume and starts a mitochondrion with a rate per length of centre line. */
    static List<Mitochondrion> place(List<Neurite> neurites, SyntheticParameters parameters) {
        VoxelGrid grid = parameters.grid();
        double depth = (grid.sizeZ() - 1) * parameters.anisotropy();
        double perPixel = parameters.mitochondriaPerMicron() * SyntheticParameters.PIXEL_NM / 1000;
        SplittableRandom random = new SplittableRandom(RandomStream.MITOCHONDRIA.seed(parameters.seed()));
        List<Mitochondrion> placed = new ArrayList<>();
        for (int n = 0; n < neurites.size(); n++) {
            Neurite neurite = neurites.get(n);
            double[] x = neurite.x();
            double[] y = neurite.y();
            double[] z = neurite.z();
            for (int k = 0; k + 1 < neurite.samples(); k++) {
                double step = distance(neurite, k, k + 1);
                boolean inside = x[k] >= 0 && x[k] < grid.sizeX() && y[k] >= 0 && y[k] < grid.sizeY() && z[k] >= 0 && z[k] <= depth;
                double hostRadius = neurite.radius()[k];
                if (!inside || hostRadius < MIN_HOST_RADIUS_NM / SyntheticParameters.PIXEL_NM || random.nextDouble() >= perPixel * step) {
                    continue;
                }
                double length = (MIN_LENGTH_NM + (MAX_LENGTH_NM - MIN_LENGTH_NM) * random.nextDouble()) / SyntheticParameters.PIXEL_NM;
                int end = k;
                for (double along = 0; end + 1 < neurite.samples() && along < length; end++) {
                    along += distance(neurite, end, end + 1);
                }
                double radius = Math.min(MAX_HOST_FILL * hostRadius,
                        (MIN_RADIUS_NM + (MAX_RADIUS_NM - MIN_RADIUS_NM) * random.nextDouble()) / SyntheticParameters.PIXEL_NM);
                double shift = Math.max(0, MAX_REACH * hostRadius - radius) * random.nextDouble();
                double angle = 2 * Math.PI * random.nextDouble();
                placed.add(new Mitochondrion(n, k, end, shift * StrictMath.cos(angle), shift * StrictMath.sin(angle), radius));
                k = end; // the next one starts past this one
            }
        }
        return placed;
    }

    private static double distance(Neurite neurite, int i, int j) {
        double dx = neurite.x()[j] - neurite.x()[i];
        double dy = neurite.y()[j] - neurite.y()[i];
        double dz = neurite.z()[j] - neurite.z()[i];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /**
     * The soft mask: the union of balls around the shifted centre-line samples, each voxel kept only where
     * it belongs to the host neurite.
     */
    static float[] mask(List<Mitochondrion> mitochondria, List<Neurite> neurites, int[] owner, VoxelGrid grid, double anisotropy,
                        SliceLoop slices) {
        int sizeX = grid.sizeX();
        int sizeY = grid.sizeY();
        float[] mask = new float[owner.length];
        slices.forSlices((zFrom, zTo) -> {
            for (int z = zFrom; z < zTo; z++) {
                double planeZ = z * anisotropy;
                for (Mitochondrion m : mitochondria) {
                    Neurite host = neurites.get(m.host());
                    for (int k = m.from(); k <= m.to(); k++) {
                        double dz = host.z()[k] - planeZ;
                        double disk2 = m.radius() * m.radius() - dz * dz;
                        if (disk2 <= 0) {
                            continue;
                        }
                        double disk = Math.sqrt(disk2);
                        double cx = host.x()[k] + m.offsetX();
                        double cy = host.y()[k] + m.offsetY();
                        int y0 = Math.max(0, (int) Math.ceil(cy - disk - 1));
                        int y1 = Math.min(sizeY - 1, (int) Math.floor(cy + disk + 1));
                        int x0 = Math.max(0, (int) Math.ceil(cx - disk - 1));
                        int x1 = Math.min(sizeX - 1, (int) Math.floor(cx + disk + 1));
                        for (int y = y0; y <= y1; y++) {
                            for (int x = x0; x <= x1; x++) {
                                int v = (z * sizeY + y) * sizeX + x;
                                if (owner[v] != m.host()) {
                                    continue;
                                }
                                double dx = x - cx;
                                double dy = y - cy;
                                float inside = (float) Math.min(1, Math.max(0, disk + 0.5 - Math.sqrt(dx * dx + dy * dy)));
                                mask[v] = Math.max(mask[v], inside);
                            }
                        }
                    }
                }
            }
        });
        return mask;
    }
}
