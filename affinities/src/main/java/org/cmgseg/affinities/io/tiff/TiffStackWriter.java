package org.cmgseg.affinities.io.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.cmgseg.affinities.io.DataType;

/**
 * Writes an uncompressed little-endian TIFF stack of uint8, uint16, uint32, int32 or float32 slices, as ImageJ
 * writes its stacks: the slices one after the other, then one image directory per slice, the first
 * with ImageJ's description (number of slices, unit, z spacing). ImageJ itself writes no 32-bit
 * integers, hence this writer. The x and y voxel sizes are the XResolution and YResolution tags.
 */
final class TiffStackWriter {

    private static final int SHORT = 3;
    private static final int LONG = 4;
    private static final int RATIONAL = 5;
    private static final int ASCII = 2;
    private static final int HEADER = 8;
    private static final long MAX_OFFSET = 0xffffffffL;
    /** Resolutions are written as RESOLUTION_SCALE / round(size * RESOLUTION_SCALE) pixels per unit, or its inverse below 1. */
    private static final long RESOLUTION_SCALE = 1_000_000;

    private TiffStackWriter() {
    }

    /**
     * Writes slices of width x height elements, x fastest, from {@code all} (a byte[], short[], int[] or
     * float[] of the given type), with a voxel size or none (null).
     */
    static void write(Path file, int width, int height, int slices, DataType type, Object all, VoxelSize voxelSize)
            throws IOException {
        int bits = 8 * type.bytes();
        byte[] description = description(slices, voxelSize);
        long dataStart = even(HEADER + description.length);
        long planeBytes = (long) width * height * type.bytes();
        long directoriesStart = even(dataStart + slices * planeBytes);
        int firstEntries = 15;
        int entries = 14;
        long firstSize = directorySize(firstEntries);
        long size = directorySize(entries);
        long end = directoriesStart + firstSize + (slices - 1) * size;
        if (end > MAX_OFFSET || planeBytes > Integer.MAX_VALUE - 8) {
            throw new IOException("a TIFF stack holds at most 4 GB; " + file.getFileName() + " would need " + end
                    + " bytes: use N5, Zarr or HDF5");
        }
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer header = buffer(HEADER);
            header.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt((int) directoriesStart);
            writeFully(out, header.flip(), 0);
            writeFully(out, ByteBuffer.wrap(description), HEADER);
            ByteBuffer plane = buffer((int) planeBytes);
            int n = width * height;
            for (int z = 0; z < slices; z++) {
                plane.clear();
                switch (type) {
                    case UINT8 -> plane.put((byte[]) all, z * n, n);
                    case UINT16 -> plane.asShortBuffer().put((short[]) all, z * n, n);
                    case UINT32, INT32 -> plane.asIntBuffer().put((int[]) all, z * n, n);
                    case FLOAT32 -> plane.asFloatBuffer().put((float[]) all, z * n, n);
                    default -> throw new IllegalArgumentException("no TIFF stack of " + type.label());
                }
                plane.position(0).limit((int) planeBytes);
                writeFully(out, plane, dataStart + z * planeBytes);
            }
            long at = directoriesStart;
            for (int z = 0; z < slices; z++) {
                boolean first = z == 0;
                long next = z + 1 < slices ? at + (first ? firstSize : size) : 0;
                ByteBuffer directory = buffer((int) (first ? firstSize : size));
                long rationals = at + directorySize(first ? firstEntries : entries) - 16;
                directory.putShort((short) (first ? firstEntries : entries));
                entry(directory, 254, LONG, 1, 0);
                entry(directory, 256, LONG, 1, width);
                entry(directory, 257, LONG, 1, height);
                entry(directory, 258, SHORT, 1, bits);
                entry(directory, 259, SHORT, 1, 1);
                entry(directory, 262, SHORT, 1, 1);
                if (first) {
                    entry(directory, 270, ASCII, description.length, HEADER);
                }
                entry(directory, 273, LONG, 1, dataStart + z * planeBytes);
                entry(directory, 277, SHORT, 1, 1);
                entry(directory, 278, LONG, 1, height);
                entry(directory, 279, LONG, 1, planeBytes);
                entry(directory, 282, RATIONAL, 1, rationals);
                entry(directory, 283, RATIONAL, 1, rationals + 8);
                entry(directory, 296, SHORT, 1, 1);
                entry(directory, 339, SHORT, 1, type.floating() ? 3 : type.signed() ? 2 : 1);
                directory.putInt((int) next);
                long[] x = resolution(voxelSize == null ? 1 : voxelSize.zyx()[2]);
                long[] y = resolution(voxelSize == null ? 1 : voxelSize.zyx()[1]);
                directory.putInt((int) x[0]).putInt((int) x[1]).putInt((int) y[0]).putInt((int) y[1]);
                writeFully(out, directory.flip(), at);
                at = next;
            }
        }
    }

    /** The entry count, the entries, the next directory's offset and two rationals. */
    private static long directorySize(int entries) {
        return 2 + 12L * entries + 4 + 16;
    }

    private static byte[] description(int slices, VoxelSize voxelSize) {
        StringBuilder text = new StringBuilder("ImageJ=1.54p\n");
        if (slices > 1) {
            text.append("images=").append(slices).append("\nslices=").append(slices).append('\n');
        }
        if (voxelSize != null) {
            text.append("unit=").append(voxelSize.unit()).append("\nspacing=").append(voxelSize.zyx()[0]).append('\n');
        }
        text.append("loop=false\n\0");
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Pixels per unit for a pixel size, as numerator and denominator that fit 32 bits; the larger of the
     * two is scaled up, so that sizes far below 1 (a size given in metres) keep their digits too.
     */
    private static long[] resolution(double pixelSize) {
        boolean small = pixelSize < 1;
        double ratio = small ? 1 / pixelSize : pixelSize;
        long scale = RESOLUTION_SCALE;
        while (scale > 1 && ratio * scale > MAX_OFFSET) {
            scale /= 10;
        }
        long scaled = Math.max(1, Math.min(MAX_OFFSET, Math.round(ratio * scale)));
        return small ? new long[] {scaled, scale} : new long[] {scale, scaled};
    }

    private static void entry(ByteBuffer directory, int tag, int type, long count, long value) {
        directory.putShort((short) tag).putShort((short) type).putInt((int) count);
        if (type == SHORT && count == 1) {
            directory.putShort((short) value).putShort((short) 0);
        } else {
            directory.putInt((int) value);
        }
    }

    private static ByteBuffer buffer(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static long even(long offset) {
        return offset + (offset & 1);
    }

    private static void writeFully(FileChannel out, ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += out.write(bytes, at);
        }
    }
}
