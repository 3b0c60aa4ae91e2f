package org.cmgseg.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Files in the idx format of MNIST and Fashion-MNIST (big-endian header: 0, 0, type 0x08 for unsigned bytes,
 * the number of dimensions, each dimension as a 32-bit integer; then the bytes), plain or gzip-compressed as
 * distributed ({@code NAME.gz}).
 */
public final class IdxFiles {

    private IdxFiles() {
    }

    /**
     * A data set as MNIST and Fashion-MNIST are distributed: {@code train-images-idx3-ubyte.gz},
     * {@code train-labels-idx1-ubyte.gz} and their {@code t10k-} test versions, in {@code folder}.
     */
    public static Path dataset(Path folder, int rows, int columns, byte[] trainPixels, int[] trainLabels, byte[] testPixels,
            int[] testLabels) throws IOException {
        Files.createDirectories(folder);
        images(folder.resolve("train-images-idx3-ubyte"), trainLabels.length, rows, columns, trainPixels, true);
        labels(folder.resolve("train-labels-idx1-ubyte"), trainLabels, true);
        images(folder.resolve("t10k-images-idx3-ubyte"), testLabels.length, rows, columns, testPixels, true);
        labels(folder.resolve("t10k-labels-idx1-ubyte"), testLabels, true);
        return folder;
    }

    /** {@code count} images of {@code rows x columns} unsigned bytes, image after image, row after row. */
    public static void images(Path file, int count, int rows, int columns, byte[] pixels, boolean gzip) throws IOException {
        if (pixels.length != count * rows * columns) {
            throw new IllegalArgumentException(count + " images of " + rows + "x" + columns + " need " + count * rows * columns
                    + " pixels, got " + pixels.length);
        }
        ByteBuffer buffer = ByteBuffer.allocate(16 + pixels.length);
        buffer.putInt(0x00000803).putInt(count).putInt(rows).putInt(columns).put(pixels);
        write(file, buffer.array(), gzip);
    }

    /** One unsigned byte per label. */
    public static void labels(Path file, int[] labels, boolean gzip) throws IOException {
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
