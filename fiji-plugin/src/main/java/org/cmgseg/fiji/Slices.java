package org.cmgseg.fiji;

import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import org.cmgseg.affinities.io.DataType;

/** One plane of a library array (x fastest) as an ImageJ processor: 8 and 16 bit as they are, every other type as 32-bit. */
final class Slices {

    private Slices() {
    }

    static ImageProcessor processor(DataType type, Object array, int from, int width, int height) {
        int plane = width * height;
        switch (type) {
            case UINT8 -> {
                byte[] pixels = new byte[plane];
                System.arraycopy(array, from, pixels, 0, plane);
                return new ByteProcessor(width, height, pixels);
            }
            case UINT16 -> {
                short[] pixels = new short[plane];
                System.arraycopy(array, from, pixels, 0, plane);
                return new ShortProcessor(width, height, pixels, null);
            }
            case FLOAT32 -> {
                float[] pixels = new float[plane];
                System.arraycopy(array, from, pixels, 0, plane);
                return new FloatProcessor(width, height, pixels);
            }
            default -> {
                float[] pixels = new float[plane];
                for (int i = 0; i < plane; i++) {
                    pixels[i] = (float) type.get(array, from + i);
                }
                return new FloatProcessor(width, height, pixels);
            }
        }
    }
}
