package org.cmgseg.training.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cmgseg.testkit.IdxFiles;

/** Writes small files in the real CIFAR binary and idx formats, with pixel values that encode their position. */
final class DataFilesWriter {

    private DataFilesWriter() {
    }

    /** The pixel the test files hold for (image, channel, row, column): recognisable, and within a byte. */
    static int pixel(int image, int channel, int row, int column) {
        return (image * 31 + channel * 7 + row * 3 + column) & 0xFF;
    }

    /** CIFAR records of {@code labelBytes.length} label bytes each, then a 3x32x32 image. */
    static void cifar(Path file, int firstImage, int[][] labelBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int r = 0; r < labelBytes.length; r++) {
            for (int label : labelBytes[r]) {
                out.write(label);
            }
            for (int ch = 0; ch < 3; ch++) {
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        out.write(pixel(firstImage + r, ch, y, x));
                    }
                }
            }
        }
        Files.write(file, out.toByteArray());
    }

    static void idxImages(Path file, int count, int rows, int columns, boolean gzip) throws IOException {
        byte[] pixels = new byte[count * rows * columns];
        for (int i = 0; i < count; i++) {
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < columns; x++) {
                    pixels[(i * rows + y) * columns + x] = (byte) pixel(i, 0, y, x);
                }
            }
        }
        IdxFiles.images(file, count, rows, columns, pixels, gzip);
    }

    static void idxLabels(Path file, int[] labels, boolean gzip) throws IOException {
        IdxFiles.labels(file, labels, gzip);
    }
}
