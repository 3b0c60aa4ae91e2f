package org.cmgseg.training.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

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
        ByteBuffer buffer = ByteBuffer.allocate(16 + count * rows * columns);
        buffer.putInt(0x00000803).putInt(count).putInt(rows).putInt(columns);
        for (int i = 0; i < count; i++) {
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < columns; x++) {
                    buffer.put((byte) pixel(i, 0, y, x));
                }
            }
        }
        write(file, buffer.array(), gzip);
    }

    static void idxLabels(Path file, int[] labels, boolean gzip) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8 + labels.length);
        buffer.putInt(0x00000801).putInt(labels.length);
        for (int label : labels) {
            buffer.put((byte) label);
        }
        write(file, buffer.array(), gzip);
    }

    private static void write(Path file, byte[] bytes, boolean gzip) throws IOException {
        if (gzip) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file.resolveSibling(file.getFileName() + ".gz")))) {
                out.write(bytes);
            }
        } else {
            Files.write(file, bytes);
        }
    }
}
