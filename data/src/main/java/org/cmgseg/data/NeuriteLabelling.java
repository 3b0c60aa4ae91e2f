package org.cmgseg.data;

import java.util.Arrays;
import java.util.List;
import org.cmgseg.core.VoxelGrid;

/**
 * Fills the volume with neurites: every voxel goes to the neurite whose tube surface is nearest, that is
 * the least {@code d - r} over its centre-line samples (an additively weighted Voronoi diagram: thick
 * neurites claim more room, and cells bulge around thin ones, which come out round). The distance is
 * taken at a smoothly displaced position, which makes the membranes wavy without changing how cells touch.
 */
final class NeuriteLabelling {

    /** Samples of one neurite closer than this in the section plane count as one site, the strongest of them. */
    private static final double MERGE_DISTANCE = 2;
    /** How far (besides its radius) from the section plane a sample still takes part. */
    private static final double REACH_SLICES = 1;
    private static final double WARP_PIXELS = 4;
    private static final double WARP_SPACING_XY = 24;
    private static final double WARP_SPACING_Z = 3;
    /**
     * First guess of the largest distance from a pixel to the nearest tube surface, in thin-neurite radii;
     * raised where too small. Too large a guess costs time, too small a repetition.
     */
    private static final double INITIAL_BOUND_RADII = 1.6;

    private NeuriteLabelling() {
    }

    /** For every voxel, the index of the neurite it belongs to. */
    static int[] owners(SyntheticParameters parameters, List<Neurite> neurites, SliceLoop slices) {
        VoxelGrid grid = parameters.grid();
        double anisotropy = parameters.anisotropy();
        double thinRadius = parameters.thinRadiusNm() / SyntheticParameters.PIXEL_NM;
        long warpSeed = RandomStream.BOUNDARY_WARP.seed(parameters.seed());
        SmoothNoise warpX = new SmoothNoise(CounterHash.hash(warpSeed, 1), grid, WARP_SPACING_XY, WARP_SPACING_XY, WARP_SPACING_Z);
        SmoothNoise warpY = new SmoothNoise(CounterHash.hash(warpSeed, 2), grid, WARP_SPACING_XY, WARP_SPACING_XY, WARP_SPACING_Z);
        int sizeX = grid.sizeX();
        int sizeY = grid.sizeY();
        int sliceSize = sizeX * sizeY;
        int[] owner = new int[grid.arrayLength(1)];
        slices.forSlices((zFrom, zTo) -> {
            Sites sites = new Sites();
            double[] best = new double[sliceSize];
            float[] warpedX = new float[sliceSize];
            float[] warpedY = new float[sliceSize];
            for (int z = zFrom; z < zTo; z++) {
                for (int y = 0; y < sizeY; y++) {
                    for (int x = 0; x < sizeX; x++) {
                        warpedX[y * sizeX + x] = (float) (x + WARP_PIXELS * warpX.at(x, y, z));
                        warpedY[y * sizeX + x] = (float) (y + WARP_PIXELS * warpY.at(x, y, z));
                    }
                }
                sites.collect(neurites, z * anisotropy, REACH_SLICES * anisotropy);
                if (sites.size == 0) {
                    throw new IllegalStateException("no neurite reaches section " + z);
                }
                double bound = INITIAL_BOUND_RADII * thinRadius;
                while (!sites.assign(bound, warpedX, warpedY, sizeX, sizeY, best, owner, z * sliceSize)) {
                    bound *= 2; // some pixel is farther than the bound from every surface: a site may have been missed
                }
            }
        });
        return owner;
    }

    /** The samples near one section plane: position, squared distance from the plane, radius and neurite. */
    private static final class Sites {
        double[] x = new double[256];
        double[] y = new double[256];
        double[] dz2 = new double[256];
        double[] radius = new double[256];
        int[] neurite = new int[256];
        int size;

        void collect(List<Neurite> neurites, double planeZ, double reach) {
            size = 0;
            for (int n = 0; n < neurites.size(); n++) {
                Neurite neurite = neurites.get(n);
                boolean open = false; // a run of consecutive samples merging into one site
                double anchorX = 0;
                double anchorY = 0;
                for (int k = 0; k < neurite.samples(); k++) {
                    double dz = Math.abs(neurite.z()[k] - planeZ);
                    double r = neurite.radius()[k];
                    if (dz >= r + reach) {
                        open = false;
                        continue;
                    }
                    double sx = neurite.x()[k];
                    double sy = neurite.y()[k];
                    double ax = sx - anchorX;
                    double ay = sy - anchorY;
                    if (open && ax * ax + ay * ay < MERGE_DISTANCE * MERGE_DISTANCE) {
                        int last = size - 1;
                        if (r - dz > radius[last] - Math.sqrt(dz2[last])) {
                            x[last] = sx;
                            y[last] = sy;
                            dz2[last] = dz * dz;
                            radius[last] = r;
                        }
                    } else {
                        add(sx, sy, dz * dz, r, n);
                        anchorX = sx;
                        anchorY = sy;
                        open = true;
                    }
                }
            }
        }

        private void add(double sx, double sy, double sdz2, double r, int n) {
            if (size == x.length) {
                x = Arrays.copyOf(x, 2 * size);
                y = Arrays.copyOf(y, 2 * size);
                dz2 = Arrays.copyOf(dz2, 2 * size);
                radius = Arrays.copyOf(radius, 2 * size);
                neurite = Arrays.copyOf(neurite, 2 * size);
            }
            x[size] = sx;
            y[size] = sy;
            dz2[size] = sdz2;
            radius[size] = r;
            neurite[size] = n;
            size++;
        }

        /**
         * Gives each pixel of a section the site with the nearest tube surface, looking at each site only
         * where that distance stays below {@code bound}. Exact for every pixel whose nearest surface is at
         * most the bound away; returns false if some pixel's is not.
         */
        boolean assign(double bound, float[] warpedX, float[] warpedY, int sizeX, int sizeY, double[] best, int[] owner, int offset) {
            Arrays.fill(best, Double.POSITIVE_INFINITY);
            for (int s = 0; s < size; s++) {
                double far = radius[s] + bound;
                double reach2 = far * far - dz2[s];
                if (reach2 <= 0) {
                    continue;
                }
                // a square around the site, widened by the most a pixel is displaced along each axis
                double reach = Math.sqrt(reach2) + WARP_PIXELS;
                int y0 = Math.max(0, (int) Math.ceil(y[s] - reach));
                int y1 = Math.min(sizeY - 1, (int) Math.floor(y[s] + reach));
                int x0 = Math.max(0, (int) Math.ceil(x[s] - reach));
                int x1 = Math.min(sizeX - 1, (int) Math.floor(x[s] + reach));
                for (int py = y0; py <= y1; py++) {
                    for (int px = x0; px <= x1; px++) {
                        int p = py * sizeX + px;
                        double dx = warpedX[p] - x[s];
                        double dy = warpedY[p] - y[s];
                        double d2 = dx * dx + dy * dy + dz2[s];
                        double beaten = best[p] + radius[s]; // the centre distance this site has to beat
                        if (beaten > 0 && d2 < beaten * beaten) {
                            double toSurface = Math.sqrt(d2) - radius[s];
                            if (toSurface < best[p]) {
                                best[p] = toSurface;
                                owner[offset + p] = neurite[s];
                            }
                        }
                    }
                }
            }
            for (double toSurface : best) {
                if (toSurface > bound) {
                    return false;
                }
            }
            return true;
        }
    }
}
