package org.cmgseg.affinities.io.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.cmgseg.affinities.io.codec.Deflate.Wrapper;
import org.cmgseg.testkit.Required;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * libdeflate and the JDK's Inflater decompress the same streams (made by the JDK's Deflater, so the input
 * bytes are the truth) to the same bytes, and fail on the same corrupt and truncated ones with the same
 * message. The build runs this class twice: as configured, and with -Dcmgseg.inflater=java.
 */
class DeflateTest {

    private static final boolean FORCED_JAVA = "java".equals(System.getProperty("cmgseg.inflater"));

    /** Runs of a few byte values with noise between them: compressible as affinities are, and not trivially. */
    private static byte[] data(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] data = new byte[length];
        for (int i = 0; i < length; ) {
            int run = Math.min(length - i, 1 + random.nextInt(40));
            byte value = (byte) random.nextInt(random.nextBoolean() ? 4 : 256);
            Arrays.fill(data, i, i + run, value);
            i += run;
            if (i < length && random.nextInt(3) == 0) {
                data[i++] = (byte) random.nextInt();
            }
        }
        return data;
    }

    private static byte[] compress(Wrapper wrapper, byte[] raw, int level) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(level);
        try (OutputStream out = wrapper == Wrapper.ZLIB ? new DeflaterOutputStream(bytes, deflater) : new GZIPOutputStream(bytes) {
            {
                def.setLevel(level);
            }
        }) {
            out.write(raw);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /** The bytes {@link Deflate#inflate} makes, in a buffer one byte longer than asked, as reused buffers are. */
    private static byte[] inflate(Wrapper wrapper, byte[] stream, int length) throws IOException {
        byte[] out = new byte[length + 1];
        Deflate.inflate(wrapper, stream, stream.length, out, length);
        assertEquals(0, out[length], "nothing is written past the length");
        return Arrays.copyOf(out, length);
    }

    private static byte[] inflateWithJdk(Wrapper wrapper, byte[] stream, int length) throws IOException {
        byte[] out = new byte[length];
        Deflate.inflateWithJdk(wrapper, stream, stream.length, out, length);
        return out;
    }

    private static void requireLibdeflate() {
        Required.require(LibDeflate.loaded(), "libdeflate is not installed (Debian: libdeflate0), so only the JDK's Inflater is tested");
    }

    @Test
    void theInflaterThatRunsIsTheOneAskedFor() {
        if (FORCED_JAVA) {
            assertEquals("java", Deflate.inflater());
        } else {
            requireLibdeflate();
            assertEquals("libdeflate", Deflate.inflater());
        }
    }

    @ParameterizedTest
    @EnumSource(Wrapper.class)
    void bothDecompressorsMakeTheOriginalBytes(Wrapper wrapper) throws IOException {
        boolean libdeflate = LibDeflate.loaded();
        for (int length : new int[] {0, 1, 1000, 1 << 20}) {
            for (int level : new int[] {0, 1, 6, 9}) {
                byte[] raw = data(length, 31L * length + level);
                byte[] stream = compress(wrapper, raw, level);
                String what = wrapper + " level " + level + ", " + length + " bytes";
                assertArrayEquals(raw, inflate(wrapper, stream, length), what);
                assertArrayEquals(raw, inflateWithJdk(wrapper, stream, length), what + ", JDK");
                if (libdeflate) {
                    byte[] out = new byte[length];
                    assertTrue(LibDeflate.inflate(wrapper == Wrapper.GZIP, stream, stream.length, out, length), what + ", libdeflate");
                    assertArrayEquals(raw, out, what + ", libdeflate");
                }
            }
        }
    }

    @Test
    void theJavaPathRunsWhereLibdeflateDeclinesAConcatenatedGzipStream() throws IOException {
        byte[] first = data(5000, 1);
        byte[] second = data(3000, 2);
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(compress(Wrapper.GZIP, first, 6));
        both.writeBytes(compress(Wrapper.GZIP, second, 6));
        byte[] stream = both.toByteArray();
        byte[] raw = Arrays.copyOf(first, 8000);
        System.arraycopy(second, 0, raw, 5000, 3000);
        assertArrayEquals(raw, inflate(Wrapper.GZIP, stream, 8000), "gzip allows several members; the JDK reads them all");
        if (LibDeflate.loaded()) {
            assertFalse(LibDeflate.inflate(true, stream, stream.length, new byte[8000], 8000), "libdeflate reads one member");
        }
    }

    @ParameterizedTest
    @EnumSource(Wrapper.class)
    void corruptTruncatedAndLongStreamsFailAlikeOnBothPaths(Wrapper wrapper) throws IOException {
        byte[] raw = data(100_000, 5);
        byte[] stream = compress(wrapper, raw, 6);
        byte[] corrupt = stream.clone();
        for (int i = stream.length / 2; i < stream.length / 2 + 8; i++) {
            corrupt[i] ^= 0x5a;
        }
        byte[] badChecksum = stream.clone();
        badChecksum[stream.length - (wrapper == Wrapper.GZIP ? 6 : 2)] ^= 1;
        byte[] truncated = Arrays.copyOf(stream, stream.length / 2);
        byte[] noTrailer = Arrays.copyOf(stream, stream.length - 4);
        byte[] notDeflate = data(1000, 9);
        String[] expected = {"corrupt deflate data", "corrupt deflate data", "deflate data is truncated", "deflate data is truncated",
            "corrupt deflate data"};
        byte[][] streams = {corrupt, badChecksum, truncated, noTrailer, notDeflate};
        for (int i = 0; i < streams.length; i++) {
            byte[] bad = streams[i];
            String message = assertThrows(IOException.class, () -> inflate(wrapper, bad, raw.length)).getMessage();
            String jdk = assertThrows(IOException.class, () -> inflateWithJdk(wrapper, bad, raw.length)).getMessage();
            assertEquals(jdk, message, "case " + i);
            assertTrue(message.startsWith(expected[i]) && !message.contains("\n"), "case " + i + ": " + message);
            if (LibDeflate.loaded()) {
                assertFalse(LibDeflate.inflate(wrapper == Wrapper.GZIP, bad, bad.length, new byte[raw.length], raw.length), "case " + i);
            }
        }
        String tooLong = assertThrows(IOException.class, () -> inflate(wrapper, stream, raw.length - 1)).getMessage();
        assertEquals("corrupt deflate data: it holds more than the " + (raw.length - 1) + " bytes expected", tooLong);
        String tooShort = assertThrows(IOException.class, () -> inflate(wrapper, stream, raw.length + 1)).getMessage();
        assertEquals("deflate data is truncated (" + raw.length + " of " + (raw.length + 1) + " bytes)", tooShort);
    }
}
