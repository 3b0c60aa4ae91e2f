package org.cmgseg.affinities.io.tiff;

import ij.io.FileInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads the slices of an uncompressed TIFF of 32-bit integers exactly, which ImageJ only reads as floats. */
final class Integer32Slices {

    private Integer32Slices() {
    }

    /** All slices, x fastest, then y, then z; the layout from {@link TiffLayout}. */
    static int[] read(Path file, FileInfo[] layout) throws IOException {
        int width = layout[0].width;
        int height = layout[0].height;
        int plane = width * height;
        long slices = 0;
        for (FileInfo info : layout) {
            if (info.width != width || info.height != height) {
                throw new IOException(file + " holds images of different sizes (" + width + " x " + height + " and "
                        + info.width + " x " + info.height + ")");
            }
            if (info.compression != FileInfo.COMPRESSION_NONE) {
                throw new IOException(file + " holds compressed 32-bit integers; cmgseg reads 32-bit integer TIFFs uncompressed");
            }
            slices += info.nImages;
        }
        int[] all = new int[Math.toIntExact(Math.multiplyExact(slices, plane))];
        int z = 0;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            for (FileInfo info : layout) {
                ByteOrder order = info.intelByteOrder ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
                for (int image = 0; image < info.nImages; image++, z++) {
                    ByteBuffer bytes = ByteBuffer.allocate(4 * plane).order(order);
                    if (info.nImages == 1 && info.stripOffsets != null && info.stripOffsets.length > 0) {
                        for (int s = 0; s < info.stripOffsets.length && bytes.hasRemaining(); s++) {
                            int length = Math.min(info.stripLengths[s], bytes.remaining());
                            readFully(in, bytes.limit(bytes.position() + length), Integer.toUnsignedLong(info.stripOffsets[s]), file);
                            bytes.limit(bytes.capacity());
                        }
                        if (bytes.hasRemaining()) {
                            throw new IOException(file + ": the strips of image " + (z + 1) + " hold fewer bytes than its "
                                    + width + " x " + height + " 32-bit pixels");
                        }
                    } else {
                        readFully(in, bytes, info.getOffset() + image * (4L * plane + info.getGap()), file);
                    }
                    bytes.flip().asIntBuffer().get(all, z * plane, plane);
                }
            }
        }
        return all;
    }

    private static void readFully(FileChannel in, ByteBuffer bytes, long position, Path file) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            int n = in.read(bytes, at);
            if (n < 0) {
                throw new IOException(file + " is truncated: its slices end at byte " + at);
            }
            at += n;
        }
    }
}
