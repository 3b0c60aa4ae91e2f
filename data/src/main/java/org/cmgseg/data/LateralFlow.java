package org.cmgseg.data;

import java.util.SplittableRandom;

/**
 * The common sideways drift of the neurites running along z, in pixels per slice: a uniform tilt plus the
 * curl of a smooth random stream function made of a few plane waves. Being divergence-free in each
 * section, it moves neighbouring neurites together without crowding or thinning them, so they rarely cross.
 */
final class LateralFlow {

    private static final int WAVES = 6;
    private static final double MIN_WAVELENGTH = 200;
    private static final double MAX_WAVELENGTH = 600;
    private static final double MIN_Z_WAVELENGTH = 400;
    private static final double MAX_Z_WAVELENGTH = 1200;

    private final double tiltX;
    private final double tiltY;
    private final double[] kx = new double[WAVES];
    private final double[] ky = new double[WAVES];
    private final double[] kz = new double[WAVES];
    private final double[] amplitude = new double[WAVES];
    private final double[] phase = new double[WAVES];

    /**
     * @param maxTilt  the largest uniform drift, pixels per slice
     * @param rmsSwirl root mean square speed of the varying part, pixels per slice
     */
    LateralFlow(SplittableRandom random, double maxTilt, double rmsSwirl) {
        double tiltAngle = 2 * Math.PI * random.nextDouble();
        double tilt = maxTilt * random.nextDouble();
        tiltX = tilt * StrictMath.cos(tiltAngle);
        tiltY = tilt * StrictMath.sin(tiltAngle);
        for (int i = 0; i < WAVES; i++) {
            double direction = 2 * Math.PI * random.nextDouble();
            double k = 2 * Math.PI / (MIN_WAVELENGTH + (MAX_WAVELENGTH - MIN_WAVELENGTH) * random.nextDouble());
            kx[i] = k * StrictMath.cos(direction);
            ky[i] = k * StrictMath.sin(direction);
            kz[i] = 2 * Math.PI / (MIN_Z_WAVELENGTH + (MAX_Z_WAVELENGTH - MIN_Z_WAVELENGTH) * random.nextDouble());
            amplitude[i] = rmsSwirl * Math.sqrt(2.0 / WAVES) / k; // each wave adds (amplitude k)^2 / 2 to the mean square speed
            phase[i] = 2 * Math.PI * random.nextDouble();
        }
    }

    /** The drift at a point, written to {@code velocity} as {x, y}. */
    void at(double x, double y, double z, double[] velocity) {
        double vx = tiltX;
        double vy = tiltY;
        for (int i = 0; i < WAVES; i++) {
            double slope = amplitude[i] * StrictMath.cos(kx[i] * x + ky[i] * y + kz[i] * z + phase[i]);
            vx += slope * ky[i];
            vy -= slope * kx[i];
        }
        velocity[0] = vx;
        velocity[1] = vy;
    }
}
