package org.cmgseg.affinities.io.tiff;

import ij.io.FileInfo;
import ij.io.TiffDecoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the slices of a TIFF file are and what they hold, as ImageJ's decoder finds them: one entry per
 * image directory, or one for all slices of a stack ImageJ wrote. Decoding first, and failing here with
 * the decoder's reason, keeps ImageJ's opener from printing "Unsupported format or file not found" on
 * standard output for files it cannot read.
 */
final class TiffLayout {

    private static final int SAMPLE_FORMAT = 339;
    private static final int SHORT = 3;
    private static final int SIGNED = 2;

    private TiffLayout() {
    }

    static FileInfo[] of(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        FileInfo[] info;
        try {
            info = new TiffDecoder(folder + "/", file.getFileName().toString()).getTiffInfo();
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " is not a TIFF file ImageJ can read: " + reason(e));
        }
        if (info == null || info.length == 0) {
            throw new IOException(file + " is not a TIFF file ImageJ can read: no image in it");
        }
        return info;
    }

    private static String reason(Exception e) {
        if (e instanceof java.io.EOFException) {
            return "it ends before its first image";
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage().strip();
    }

    /** Whether the file holds 32-bit integers, which ImageJ would read as float32 (inexact above 2^24). */
    static boolean integers32(FileInfo[] info) {
        return info[0].fileType == FileInfo.GRAY32_INT || info[0].fileType == FileInfo.GRAY32_UNSIGNED;
    }

    /**
     * Whether the first image holds signed integers (SampleFormat 2). ImageJ's decoder does not say:
     * it reads signed and unsigned 32-bit integers alike, as floats.
     */
    static boolean signed(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = read(in, 0, 8, file);
            ByteOrder order = header.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            long directory = Integer.toUnsignedLong(header.order(order).getInt(4));
            int entries = Short.toUnsignedInt(read(in, directory, 2, file).order(order).getShort(0));
            ByteBuffer tags = read(in, directory + 2, 12 * entries, file).order(order);
            for (int i = 0; i < entries; i++) {
                if (Short.toUnsignedInt(tags.getShort(12 * i)) == SAMPLE_FORMAT) {
                    int value = tags.getShort(12 * i + 2) == SHORT ? Short.toUnsignedInt(tags.getShort(12 * i + 8)) : tags.getInt(12 * i + 8);
                    return value == SIGNED;
                }
            }
            return false;
        }
    }

    private static ByteBuffer read(FileChannel in, long position, int bytes, Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(bytes);
        while (buffer.hasRemaining()) {
            if (in.read(buffer, position + buffer.position()) < 0) {
                throw new IOException(file + " is truncated: its first image directory ends early");
            }
        }
        return buffer.flip();
    }
}
