package org.cmgseg.data;

/**
 * Stateless random numbers: a value is a function of a seed and a counter (a voxel index, a lattice
 * point, a slice), so it is the same whichever thread computes it and in whatever order.
 */
final class CounterHash {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double UNIT_53 = 0x1.0p-53;
    /** sqrt(3) / 2^16: four 16-bit uniforms summed have a standard deviation of 2^16 / sqrt(3). */
    private static final double IRWIN_HALL_SCALE = Math.sqrt(3) / 65536.0;

    private CounterHash() {
    }

    /** The SplitMix64 finaliser: a bijection on 64-bit words that scatters every input bit over the output. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long hash(long seed, long counter) {
        return mix(mix(seed) + counter * GOLDEN_GAMMA);
    }

    /** Uniform in [0, 1). */
    static double uniform(long seed, long counter) {
        return (hash(seed, counter) >>> 11) * UNIT_53;
    }

    /** Uniform in [-1, 1). */
    static double signed(long seed, long counter) {
        return 2 * uniform(seed, counter) - 1;
    }

    /** Approximately standard normal (the sum of four uniforms, so bounded by +-3.46), from one hash. */
    static double gaussian(long seed, long counter) {
        return gaussianOfBits(hash(seed, counter));
    }

    /** Approximately standard normal from 64 random bits, read as four 16-bit uniforms. */
    static double gaussianOfBits(long bits) {
        long sum = (bits & 0xFFFF) + ((bits >>> 16) & 0xFFFF) + ((bits >>> 32) & 0xFFFF) + (bits >>> 48);
        return (sum - 4 * 32767.5) * IRWIN_HALL_SCALE;
    }
}
