package org.cmgseg.fiji;

import ij.ImagePlus;
import ij.process.LUT;

/**
 * A label LUT in the manner of Glasbey's: black for background, then each colour the farthest (in RGB) from all
 * chosen before it, picked greedily from a 16 x 16 x 16 grid. ImageJ1 ships no such LUT.
 */
final class GlasbeyLut {

    private static final LUT LUT = generate();

    private GlasbeyLut() {
    }

    /**
     * Shows a label image with the LUT over labels 0 to {@code maxLabel}. A 32-bit image maps its values linearly
     * onto the 256 entries, so above 255 labels neighbouring numbers share a colour.
     */
    static void apply(ImagePlus image, long maxLabel) {
        image.setLut(LUT);
        image.setDisplayRange(0, Math.max(maxLabel, 1));
    }

    private static LUT generate() {
        int steps = 16;
        int candidates = steps * steps * steps;
        int[] distance = new int[candidates];
        java.util.Arrays.fill(distance, Integer.MAX_VALUE);
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        int chosen = 0;
        for (int entry = 0; entry < 256; entry++) {
            int rgb = entry == 0 ? 0 : chosen;
            int cr = level(rgb / (steps * steps));
            int cg = level(rgb / steps % steps);
            int cb = level(rgb % steps);
            r[entry] = (byte) cr;
            g[entry] = (byte) cg;
            b[entry] = (byte) cb;
            int farthest = 0;
            for (int c = 0; c < candidates; c++) {
                int dr = level(c / (steps * steps)) - cr;
                int dg = level(c / steps % steps) - cg;
                int db = level(c % steps) - cb;
                distance[c] = Math.min(distance[c], dr * dr + dg * dg + db * db);
                if (distance[c] > distance[farthest]) {
                    farthest = c;
                }
            }
            chosen = farthest;
        }
        return new LUT(r, g, b);
    }

    private static int level(int step) {
        return step * 17;
    }
}
