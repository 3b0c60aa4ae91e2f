package org.cmgseg.affinities.io.hdf5;

import java.io.IOException;

/**
 * Decompression of LZF (liblzf), the format of h5py's "lzf" filter (HDF5 filter 32000). A stream is a
 * sequence of items, each starting with a control byte c: c &lt; 32 is a literal run of c + 1 bytes that
 * follow; otherwise it is a back reference of length (c &gt;&gt; 5) + 2 (if c &gt;&gt; 5 is 7, a further
 * byte adds to the length) to the output (c &amp; 31) * 256 + the next byte + 1 bytes back, which may
 * overlap what it produces.
 */
final class Lzf {

    private Lzf() {
    }

    /** Decompresses the first {@code inLength} bytes of {@code in} into the first {@code length} bytes of {@code out}, exactly. */
    static void decompress(byte[] in, int inLength, byte[] out, int length) throws IOException {
        int ip = 0;
        int op = 0;
        try {
            while (ip < inLength) {
                int control = in[ip++] & 0xff;
                if (control < 32) {
                    int run = control + 1;
                    if (ip + run > inLength || op + run > length) {
                        throw new ArrayIndexOutOfBoundsException();
                    }
                    System.arraycopy(in, ip, out, op, run);
                    ip += run;
                    op += run;
                    continue;
                }
                int run = control >> 5;
                if (run == 7) {
                    run += in(in, ip++, inLength);
                }
                run += 2;
                int from = op - ((control & 31) << 8) - in(in, ip++, inLength) - 1;
                if (from < 0) {
                    throw new IOException("LZF back reference before the start of the output");
                }
                if (op + run > length) {
                    throw new ArrayIndexOutOfBoundsException();
                }
                for (int i = 0; i < run; i++) {
                    out[op++] = out[from++];
                }
            }
        } catch (IndexOutOfBoundsException e) {
            throw new IOException("LZF data longer than the " + length + " bytes expected, or cut short");
        }
        if (op != length) {
            throw new IOException("LZF data decompressed to " + op + " bytes, " + length + " expected");
        }
    }

    private static int in(byte[] in, int i, int inLength) {
        if (i >= inLength) {
            throw new ArrayIndexOutOfBoundsException();
        }
        return in[i] & 0xff;
    }
}
