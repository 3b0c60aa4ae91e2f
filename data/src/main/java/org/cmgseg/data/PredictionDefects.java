package org.cmgseg.data;

import java.util.SplittableRandom;
import org.cmgseg.core.VoxelGrid;

/**
 * The mistakes of the simulated network, made in its noise-free boundary evidence: membrane gaps (a patch
 * of a real membrane fades, which invites merges) and false boundaries (a membrane-like sheet inside one
 * object, which invites splits). Both are placed at random, one after the other, so the result is the
 * same on any thread count.
 */
final class PredictionDefects {

    private static final int TRIES = 200;
    /** Evidence above this is on a membrane; below {@link #INTERIOR} it is well inside an object. */
    private static final float ON_MEMBRANE = 0.5f;
    private static final float INTERIOR = 0.02f;
    private static final double GAP_MIN_RADIUS = 6;
    private static final double GAP_MAX_RADIUS = 15;
    private static final double GAP_MIN_SLICES = 1;
    private static final double GAP_MAX_SLICES = 3;
    /** The evidence at the centre of a false sheet: as strong as on the centre line of a blurred real membrane. */
    private static final double SHEET_HEIGHT = 0.85;
    private static final double SHEET_HALF_WIDTH = 2;
    private static final double SHEET_MIN_RADIUS = 10;
    private static final double SHEET_MAX_RADIUS = 25;
    /** Sheets are nearly perpendicular to the sections, like most membranes: tilt of their normal out of the plane. */
    private static final double SHEET_MAX_TILT = 0.3;
    /** The outer part of a gap or sheet, as a share of its radius, over which it fades out. */
    private static final double RIM = 0.4;

    private PredictionDefects() {
    }

    /** Changes the boundary evidence (the blurred ideal boundary, 1 on membranes) in place. */
    static void add(float[] evidence, long[] labels, SyntheticParameters parameters) {
        double megavoxels = parameters.grid().voxels() / 1e6;
        int gaps = (int) Math.round(parameters.membraneGapsPerMegavoxel() * megavoxels);
        SplittableRandom gapRandom = new SplittableRandom(RandomStream.MEMBRANE_GAPS.seed(parameters.seed()));
        for (int i = 0; i < gaps; i++) {
            int centre = find(evidence, true, gapRandom);
            if (centre >= 0) {
                gap(evidence, parameters.grid(), centre, gapRandom);
            }
        }
        int sheets = (int) Math.round(parameters.falseBoundariesPerMegavoxel() * megavoxels);
        SplittableRandom sheetRandom = new SplittableRandom(RandomStream.FALSE_BOUNDARIES.seed(parameters.seed()));
        for (int i = 0; i < sheets; i++) {
            int centre = find(evidence, false, sheetRandom);
            if (centre >= 0) {
                sheet(evidence, labels, parameters.grid(), parameters.anisotropy(), centre, sheetRandom);
            }
        }
    }

    /** A random voxel on a membrane, or well inside an object; -1 if none turned up. */
    private static int find(float[] evidence, boolean onMembrane, SplittableRandom random) {
        for (int t = 0; t < TRIES; t++) {
            int v = (int) (random.nextDouble() * evidence.length);
            if (onMembrane ? evidence[v] > ON_MEMBRANE : evidence[v] < INTERIOR) {
                return v;
            }
        }
        return -1;
    }

    /** Wipes out the evidence in an ellipsoid, fading out towards its surface. */
    private static void gap(float[] evidence, VoxelGrid grid, int centre, SplittableRandom random) {
        double radius = GAP_MIN_RADIUS + (GAP_MAX_RADIUS - GAP_MIN_RADIUS) * random.nextDouble();
        double slices = GAP_MIN_SLICES + (GAP_MAX_SLICES - GAP_MIN_SLICES) * random.nextDouble();
        Box box = new Box(grid, centre, radius, slices);
        for (int z = box.z0; z <= box.z1; z++) {
            for (int y = box.y0; y <= box.y1; y++) {
                for (int x = box.x0; x <= box.x1; x++) {
                    double dx = (x - box.cx) / radius;
                    double dy = (y - box.cy) / radius;
                    double dz = (z - box.cz) / slices;
                    double rho = Math.sqrt(dx * dx + dy * dy + dz * dz);
                    if (rho < 1) {
                        evidence[grid.index(x, y, z)] *= (float) (1 - fade(1 - rho));
                    }
                }
            }
        }
    }

    /** Adds evidence on a disk-shaped sheet through the centre, only inside the object that holds the centre. */
    private static void sheet(float[] evidence, long[] labels, VoxelGrid grid, double anisotropy, int centre, SplittableRandom random) {
        double radius = SHEET_MIN_RADIUS + (SHEET_MAX_RADIUS - SHEET_MIN_RADIUS) * random.nextDouble();
        double azimuth = 2 * Math.PI * random.nextDouble();
        double tilt = SHEET_MAX_TILT * (2 * random.nextDouble() - 1);
        double nx = StrictMath.cos(tilt) * StrictMath.cos(azimuth);
        double ny = StrictMath.cos(tilt) * StrictMath.sin(azimuth);
        double nz = StrictMath.sin(tilt);
        long host = labels[centre];
        Box box = new Box(grid, centre, radius, radius / anisotropy);
        for (int z = box.z0; z <= box.z1; z++) {
            for (int y = box.y0; y <= box.y1; y++) {
                for (int x = box.x0; x <= box.x1; x++) {
                    int v = grid.index(x, y, z);
                    if (labels[v] != host) {
                        continue;
                    }
                    double px = x - box.cx;
                    double py = y - box.cy;
                    double pz = (z - box.cz) * anisotropy;
                    double across = (px * nx + py * ny + pz * nz) / SHEET_HALF_WIDTH;
                    double along = Math.sqrt(Math.max(0, px * px + py * py + pz * pz - across * across * SHEET_HALF_WIDTH * SHEET_HALF_WIDTH));
                    if (Math.abs(across) < 1 && along < radius) {
                        double profile = (1 - across * across) * (1 - across * across);
                        evidence[v] = (float) Math.max(evidence[v], SHEET_HEIGHT * profile * fade(1 - along / radius));
                    }
                }
            }
        }
    }

    /** 0 at the surface (depth 0), rising smoothly to 1 at the inner edge of the rim. */
    private static double fade(double depth) {
        double t = Math.min(1, depth / RIM);
        return t * t * (3 - 2 * t);
    }

    /** The voxels within a half-size in x, y (pixels) and z (slices) of a centre voxel, clipped to the grid. */
    private static final class Box {
        final int cx;
        final int cy;
        final int cz;
        final int x0;
        final int x1;
        final int y0;
        final int y1;
        final int z0;
        final int z1;

        Box(VoxelGrid grid, int centre, double halfXY, double halfZ) {
            cx = centre % grid.sizeX();
            cy = centre / grid.sizeX() % grid.sizeY();
            cz = centre / (grid.sizeX() * grid.sizeY());
            int rxy = (int) Math.ceil(halfXY);
            int rz = (int) Math.ceil(halfZ);
            x0 = Math.max(0, cx - rxy);
            x1 = Math.min(grid.sizeX() - 1, cx + rxy);
            y0 = Math.max(0, cy - rxy);
            y1 = Math.min(grid.sizeY() - 1, cy + rxy);
            z0 = Math.max(0, cz - rz);
            z1 = Math.min(grid.sizeZ() - 1, cz + rz);
        }
    }
}
