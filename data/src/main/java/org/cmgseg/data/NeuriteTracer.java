package org.cmgseg.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.cmgseg.core.VoxelGrid;

/**
 * The centre lines of the synthetic neurites. Most run along z: they start from densely packed
 * cross-sections in the middle section and follow a common smooth sideways flow plus a small wander of
 * their own, up and down through the whole volume. A few run at a shallow angle to the sections, with a
 * direction that wanders around its initial one. Radii vary smoothly along each neurite.
 */
final class NeuriteTracer {

    /** Neurites along z advance half a slice per step, so every section plane holds a sample of each. */
    private static final double SLICES_PER_STEP = 0.5;
    private static final double OBLIQUE_STEP_PIXELS = 2;
    /** Sideways drift in pixels per slice: the largest uniform tilt, the varying common flow, each neurite's own wander. */
    private static final double MAX_TILT = 1.0;
    private static final double RMS_SWIRL = 1.5;
    private static final double WANDER = 0.3;
    private static final double WANDER_CORRELATION_SLICES = 15;
    private static final double THIN_LOG_SPREAD = 0.4;
    private static final double THICK_LOG_SPREAD = 0.25;
    private static final double MAX_OBLIQUE_ELEVATION = Math.toRadians(40);
    private static final double OBLIQUE_TURN = 0.03;
    private static final double OBLIQUE_RESTORE = 0.02;
    /** Neurites are traced this far past the volume, in radii plus one slice, so that the sections near its faces see them. */
    private static final double OVERHANG_RADII = 1.5;

    private final SyntheticParameters parameters;
    private final VoxelGrid grid;
    private final double anisotropy;
    private final double thinRadius;
    private final double thickRadius;

    private NeuriteTracer(SyntheticParameters parameters) {
        this.parameters = parameters;
        grid = parameters.grid();
        anisotropy = parameters.anisotropy();
        thinRadius = parameters.thinRadiusNm() / SyntheticParameters.PIXEL_NM;
        thickRadius = parameters.thickRadiusNm() / SyntheticParameters.PIXEL_NM;
    }

    /** Neurites along z first, largest first, then the oblique ones; only those near the volume. */
    static List<Neurite> trace(SyntheticParameters parameters) {
        NeuriteTracer tracer = new NeuriteTracer(parameters);
        List<Neurite> neurites = tracer.alongZ();
        neurites.addAll(tracer.oblique((int) Math.round(parameters.obliqueFraction() * neurites.size())));
        return neurites;
    }

    private List<Neurite> alongZ() {
        // start far enough outside that neurites drifting in from the side by the end sections are there
        double margin = (MAX_TILT + 2 * RMS_SWIRL + 2 * WANDER) * (grid.sizeZ() - 1) / 2.0 + 2 * thickRadius;
        double minX = -margin;
        double minY = -margin;
        double maxX = grid.sizeX() - 1 + margin;
        double maxY = grid.sizeY() - 1 + margin;
        SplittableRandom packingRandom = new SplittableRandom(RandomStream.NEURITE_PACKING.seed(parameters.seed()));
        double[] radii = crossSectionRadii((maxX - minX) * (maxY - minY), packingRandom);
        List<DiskPacking.Disk> starts = DiskPacking.pack(radii, minX, minY, maxX, maxY, packingRandom);
        LateralFlow flow = new LateralFlow(new SplittableRandom(RandomStream.LATERAL_FLOW.seed(parameters.seed())), MAX_TILT, RMS_SWIRL);
        SplittableRandom pathRandom = new SplittableRandom(RandomStream.NEURITE_PATHS.seed(parameters.seed()));
        List<Neurite> neurites = new ArrayList<>();
        for (DiskPacking.Disk start : starts) {
            Neurite neurite = alongZ(start, flow, new SplittableRandom(pathRandom.nextLong()));
            if (reachesVolume(neurite)) {
                neurites.add(neurite);
            }
        }
        return neurites;
    }

    /** Thick neurites covering the requested share of the area, then more thin ones than can fit; largest first. */
    private double[] crossSectionRadii(double area, SplittableRandom random) {
        int thick = (int) Math.round(parameters.thickFraction() * area / (Math.PI * thickRadius * thickRadius));
        int thin = (int) Math.ceil(area / (Math.PI * thinRadius * thinRadius));
        double[] radii = new double[thick + thin];
        for (int i = 0; i < radii.length; i++) {
            radii[i] = i < thick ? logNormal(random, thickRadius, THICK_LOG_SPREAD) : logNormal(random, thinRadius, THIN_LOG_SPREAD);
        }
        Arrays.sort(radii);
        for (int i = 0, j = radii.length - 1; i < j; i++, j--) {
            double swap = radii[i];
            radii[i] = radii[j];
            radii[j] = swap;
        }
        return radii;
    }

    private Neurite alongZ(DiskPacking.Disk start, LateralFlow flow, SplittableRandom random) {
        double middle = (grid.sizeZ() - 1) / 2.0; // a multiple of the step, so samples fall on every section
        double overhang = overhang(start.radius()) / anisotropy;
        int steps = (int) Math.ceil((middle + overhang) / SLICES_PER_STEP);
        double wanderX = WANDER * gaussian(random);
        double wanderY = WANDER * gaussian(random);
        Path up = new Path();
        Path down = new Path();
        for (int direction = 1; direction >= -1; direction -= 2) {
            Path path = direction > 0 ? up : down;
            double x = start.x();
            double y = start.y();
            double[] wander = {wanderX, wanderY};
            double[] velocity = new double[2];
            for (int s = 1; s <= steps; s++) {
                double slice = middle + direction * (s - 1) * SLICES_PER_STEP;
                flow.at(x, y, slice * anisotropy, velocity);
                x += direction * (velocity[0] + wander[0]) * SLICES_PER_STEP;
                y += direction * (velocity[1] + wander[1]) * SLICES_PER_STEP;
                path.add(x, y, (middle + direction * s * SLICES_PER_STEP) * anisotropy);
                wanderStep(wander, random);
            }
        }
        return join(down, start.x(), start.y(), middle * anisotropy, up, RadiusProfile.random(start.radius(), random));
    }

    /** An Ornstein-Uhlenbeck step: the wander keeps its spread and forgets itself over the correlation length. */
    private static void wanderStep(double[] wander, SplittableRandom random) {
        double theta = SLICES_PER_STEP / WANDER_CORRELATION_SLICES;
        double kick = WANDER * Math.sqrt(2 * theta);
        wander[0] = wander[0] * (1 - theta) + kick * gaussian(random);
        wander[1] = wander[1] * (1 - theta) + kick * gaussian(random);
    }

    private List<Neurite> oblique(int count) {
        SplittableRandom random = new SplittableRandom(RandomStream.OBLIQUE_NEURITES.seed(parameters.seed()));
        double depth = (grid.sizeZ() - 1) * anisotropy;
        List<Neurite> neurites = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double x = random.nextDouble() * (grid.sizeX() - 1);
            double y = random.nextDouble() * (grid.sizeY() - 1);
            double z = random.nextDouble() * depth;
            double radius = logNormal(random, thinRadius, THIN_LOG_SPREAD);
            double elevation = MAX_OBLIQUE_ELEVATION * (2 * random.nextDouble() - 1);
            double azimuth = 2 * Math.PI * random.nextDouble();
            double[] heading = {StrictMath.cos(elevation) * StrictMath.cos(azimuth), StrictMath.cos(elevation) * StrictMath.sin(azimuth),
                    StrictMath.sin(elevation)};
            Path forward = obliquePath(x, y, z, heading, radius, random);
            Path backward = obliquePath(x, y, z, new double[] {-heading[0], -heading[1], -heading[2]}, radius, random);
            neurites.add(join(backward, x, y, z, forward, RadiusProfile.random(radius, random)));
        }
        return neurites;
    }

    /** Steps from a point until the path leaves the volume by more than the overhang; the direction wanders around {@code heading}. */
    private Path obliquePath(double x, double y, double z, double[] heading, double radius, SplittableRandom random) {
        double overhang = overhang(radius);
        double depth = (grid.sizeZ() - 1) * anisotropy;
        int maxSteps = (int) Math.ceil(2 * (grid.sizeX() + grid.sizeY() + depth + 6 * overhang) / OBLIQUE_STEP_PIXELS);
        double[] direction = heading.clone();
        Path path = new Path();
        for (int s = 0; s < maxSteps; s++) {
            double dx = direction[0] + OBLIQUE_RESTORE * (heading[0] - direction[0]) + OBLIQUE_TURN * gaussian(random);
            double dy = direction[1] + OBLIQUE_RESTORE * (heading[1] - direction[1]) + OBLIQUE_TURN * gaussian(random);
            double dz = direction[2] + OBLIQUE_RESTORE * (heading[2] - direction[2]) + OBLIQUE_TURN * gaussian(random);
            double norm = Math.sqrt(dx * dx + dy * dy + dz * dz);
            direction[0] = dx / norm;
            direction[1] = dy / norm;
            direction[2] = dz / norm;
            x += OBLIQUE_STEP_PIXELS * direction[0];
            y += OBLIQUE_STEP_PIXELS * direction[1];
            z += OBLIQUE_STEP_PIXELS * direction[2];
            path.add(x, y, z);
            if (x < -overhang || y < -overhang || z < -overhang || x > grid.sizeX() - 1 + overhang || y > grid.sizeY() - 1 + overhang
                    || z > depth + overhang) {
                break;
            }
        }
        return path;
    }

    private double overhang(double radius) {
        return OVERHANG_RADII * radius + anisotropy;
    }

    /** Whether the neurite comes within two radii of the volume, near enough to shape the cells inside. */
    private boolean reachesVolume(Neurite neurite) {
        double depth = (grid.sizeZ() - 1) * anisotropy;
        for (int i = 0; i < neurite.samples(); i++) {
            double r = 2 * neurite.radius()[i];
            if (neurite.x()[i] > -r && neurite.x()[i] < grid.sizeX() - 1 + r && neurite.y()[i] > -r && neurite.y()[i] < grid.sizeY() - 1 + r
                    && neurite.z()[i] > -r && neurite.z()[i] < depth + r) {
                return true;
            }
        }
        return false;
    }

    /** The backward path reversed, the start, the forward path; radii from the profile along the arc length. */
    private static Neurite join(Path backward, double x, double y, double z, Path forward, RadiusProfile profile) {
        int n = backward.size + 1 + forward.size;
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] zs = new double[n];
        for (int i = 0; i < backward.size; i++) {
            int j = backward.size - 1 - i;
            xs[i] = backward.x[j];
            ys[i] = backward.y[j];
            zs[i] = backward.z[j];
        }
        xs[backward.size] = x;
        ys[backward.size] = y;
        zs[backward.size] = z;
        System.arraycopy(forward.x, 0, xs, backward.size + 1, forward.size);
        System.arraycopy(forward.y, 0, ys, backward.size + 1, forward.size);
        System.arraycopy(forward.z, 0, zs, backward.size + 1, forward.size);
        double[] radii = new double[n];
        double arcLength = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                double dx = xs[i] - xs[i - 1];
                double dy = ys[i] - ys[i - 1];
                double dz = zs[i] - zs[i - 1];
                arcLength += Math.sqrt(dx * dx + dy * dy + dz * dz);
            }
            radii[i] = profile.at(arcLength);
        }
        return new Neurite(xs, ys, zs, radii);
    }

    private static double gaussian(SplittableRandom random) {
        return CounterHash.gaussianOfBits(random.nextLong());
    }

    private static double logNormal(SplittableRandom random, double median, double logSpread) {
        return median * StrictMath.exp(logSpread * gaussian(random));
    }

    /** Calibre along a neurite: the base radius modulated by a slow and a fast wave (swellings). */
    private record RadiusProfile(double base, double slowWavelength, double slowPhase, double fastWavelength, double fastPhase) {

        private static final double SLOW_AMPLITUDE = 0.15;
        private static final double FAST_AMPLITUDE = 0.10;

        static RadiusProfile random(double base, SplittableRandom random) {
            return new RadiusProfile(base, 300 + 500 * random.nextDouble(), 2 * Math.PI * random.nextDouble(),
                    80 + 120 * random.nextDouble(), 2 * Math.PI * random.nextDouble());
        }

        double at(double arcLength) {
            return base * (1 + SLOW_AMPLITUDE * StrictMath.sin(2 * Math.PI * arcLength / slowWavelength + slowPhase)
                    + FAST_AMPLITUDE * StrictMath.sin(2 * Math.PI * arcLength / fastWavelength + fastPhase));
        }
    }

    /** A growing list of points. */
    private static final class Path {
        double[] x = new double[64];
        double[] y = new double[64];
        double[] z = new double[64];
        int size;

        void add(double px, double py, double pz) {
            if (size == x.length) {
                x = Arrays.copyOf(x, 2 * size);
                y = Arrays.copyOf(y, 2 * size);
                z = Arrays.copyOf(z, 2 * size);
            }
            x[size] = px;
            y[size] = py;
            z[size] = pz;
            size++;
        }
    }
}
