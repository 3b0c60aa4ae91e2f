package org.cmgseg.affinities.io.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** LZF and shuffle decoding on streams built by hand from the formats' definitions. */
class FilterDecodingTest {

    @Test
    void lzfLiteralRunsAndOverlappingBackReferences() throws IOException {
        // "abc" literal (control 2), then a reference 3 back of length 7 (control (5 << 5) | 0, offset byte 2)
        // which overlaps its own output, then "Z" literal, then a long reference (run 7 + 3 + 2 = 12) 1 back
        byte[] stream = {2, 'a', 'b', 'c', (byte) (5 << 5), 2, 0, 'Z', (byte) (7 << 5), 3, 0};
        assertArrayEquals("abcabcabcaZZZZZZZZZZZZZ".getBytes(StandardCharsets.US_ASCII), lzf(stream, 23));
    }

    @Test
    void lzfFailsOnCorruptStreams() {
        assertThrows(IOException.class, () -> lzf(new byte[] {0, 'a', (byte) (1 << 5), 5}, 4), "reference before the start");
        assertThrows(IOException.class, () -> lzf(new byte[] {4, 'a', 'b'}, 5), "literal cut short");
        assertThrows(IOException.class, () -> lzf(new byte[] {1, 'a', 'b'}, 3), "output shorter than expected");
        assertThrows(IOException.class, () -> lzf(new byte[] {2, 'a', 'b', 'c'}, 2), "output longer than expected");
    }

    @Test
    void unshuffleGathersEachElementsBytesFromTheirPlanes() {
        // three 2-byte elements (0x0102, 0x0304, 0x0506 little-endian: 02 01, 04 03, 06 05) and a trailing byte
        byte[] shuffled = {2, 4, 6, 1, 3, 5, 9, 77};
        byte[] out = new byte[8];
        FilterPipeline.unshuffle(shuffled, 7, out, 2);
        assertArrayEquals(new byte[] {2, 1, 4, 3, 6, 5, 9, 0}, out, "only the first 7 bytes are the chunk");
    }

    /** Decompresses into a buffer one byte longer than the output, as reused buffers are. */
    private static byte[] lzf(byte[] stream, int length) throws IOException {
        byte[] padded = java.util.Arrays.copyOf(stream, stream.length + 1);
        byte[] out = new byte[length + 1];
        Lzf.decompress(padded, stream.length, out, length);
        return java.util.Arrays.copyOf(out, length);
    }
}
