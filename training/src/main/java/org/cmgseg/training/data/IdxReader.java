package org.cmgseg.training.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The idx format of MNIST and Fashion-MNIST: a big-endian header (two zero bytes, the type code
 * 0x08 for unsigned bytes, the number of dimensions, then each dimension as a 32-bit integer)
 * followed by the data. Image files have three dimensions (count, rows, columns), label files one.
 * Each file may also be given gzip-compressed, as distributed ({@code NAME.gz}).
 */
public final class IdxReader {

    private static final int UNSIGNED_BYTE = 0x08;
    private static final int CLASSES = 10;

    private IdxReader() {
    }

    /** Reads {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte} and their {@code t10k-} test versions. */
    public static ImageDataset read(String title, Path folder) throws IOException {
        return new ImageDataset(title, readSplit(title, folder, "train"), readSplit(title, folder, "t10k"));
    }

    private static ImageSet readSplit(String title, Path folder, String prefix) throws IOException {
        Path imagesPath = folder.resolve(prefix + "-images-idx3-ubyte");
        Path labelsPath = folder.resolve(prefix + "-labels-idx1-ubyte");
        String what = title + " idx format";
        ByteBuffer images = ByteBuffer.wrap(DataFiles.readPlainOrGzip(imagesPath, what));
        ByteBuffer labels = ByteBuffer.wrap(DataFiles.readPlainOrGzip(labelsPath, what));
        int[] imageDims = header(images, 3, imagesPath);
        int[] labelDims = header(labels, 1, labelsPath);
        if (imageDims[0] != labelDims[0]) {
            throw new IOException(imagesPath + " holds " + imageDims[0] + " images but " + labelsPath + " holds "
                    + labelDims[0] + " labels");
        }
        byte[] pixels = body(images, (long) imageDims[0] * imageDims[1] * imageDims[2], imagesPath);
        byte[] labelBytes = body(labels, labelDims[0], labelsPath);
        int[] labelValues = new int[labelBytes.length];
        for (int i = 0; i < labelBytes.length; i++) {
            labelValues[i] = labelBytes[i] & 0xFF;
            if (labelValues[i] >= CLASSES) {
                throw new IOException(labelsPath + " is not a " + title + " label file: label " + i + " is "
                        + labelValues[i] + ", expected 0 to " + (CLASSES - 1));
            }
        }
        return new ImageSet(pixels, labelValues, 1, imageDims[1], imageDims[2], CLASSES);
    }

    private static int[] header(ByteBuffer buffer, int rank, Path path) throws IOException {
        String expected = "an idx file of unsigned bytes with " + rank + " dimension" + (rank > 1 ? "s" : "");
        if (buffer.remaining() < 4) {
            throw new IOException(path + " is not " + expected + ": only " + buffer.remaining() + " bytes");
        }
        int magic = buffer.getInt();
        if (magic != (UNSIGNED_BYTE << 8 | rank)) {
            throw new IOException(path + " is not " + expected + ": it starts with 0x" + String.format("%08x", magic)
                    + ", expected 0x" + String.format("%08x", UNSIGNED_BYTE << 8 | rank));
        }
        if (buffer.remaining() < 4 * rank) {
            throw new IOException(path + " is not " + expected + ": its header is cut short");
        }
        int[] dims = new int[rank];
        for (int d = 0; d < rank; d++) {
            dims[d] = buffer.getInt();
            if (dims[d] < 1) {
                throw new IOException(path + " is not " + expected + ": dimension " + d + " is " + dims[d]);
            }
        }
        return dims;
    }

    private static byte[] body(ByteBuffer buffer, long count, Path path) throws IOException {
        if (buffer.remaining() != count) {
            throw new IOException(path + " is truncated or too long: its header announces " + count
                    + " data bytes, the file holds " + buffer.remaining());
        }
        byte[] bytes = new byte[(int) count];
        buffer.get(bytes);
        return bytes;
    }
}
