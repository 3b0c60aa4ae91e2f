package org.cmgseg.affinities.io;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * How blocks are compressed, independent of the container format; each container maps it to its
 * own metadata. Written as {@code NAME[:LEVEL]} on the command line: raw, gzip[:1-9], zlib[:1-9],
 * bzip2[:1-9], xz[:0-9], lz4, zstd[:1-22], blosc[:CNAME[:LEVEL[:SHUFFLE]]].
 *
 * @param codec   raw, gzip, zlib, bzip2, xz, lz4, zstd or blosc
 * @param level   the compression level, or -1 for the codec's default
 * @param blosc   the blosc inner compressor (lz4, lz4hc, blosclz, zstd, zlib), for blosc only
 * @param shuffle the blosc shuffle (0 none, 1 byte, 2 bit), for blosc only
 */
public record Compression(String codec, int level, String blosc, int shuffle) implements Serializable {

    public static final List<String> CODECS = List.of("raw", "gzip", "zlib", "bzip2", "xz", "lz4", "zstd", "blosc");
    public static final Compression RAW = new Compression("raw", -1, null, 0);
    public static final Compression GZIP = new Compression("gzip", -1, null, 0);

    public Compression {
        codec = codec.toLowerCase(Locale.ROOT);
        if (!CODECS.contains(codec)) {
            throw new IllegalArgumentException("unsupported compression '" + codec + "'; supported: " + String.join(", ", CODECS));
        }
    }

    public static Compression parse(String text) {
        String[] parts = text.split(":");
        String codec = parts[0];
        try {
            if (codec.equalsIgnoreCase("blosc")) {
                return new Compression(codec, parts.length > 2 ? Integer.parseInt(parts[2]) : 5,
                        parts.length > 1 ? parts[1] : "lz4", parts.length > 3 ? Integer.parseInt(parts[3]) : 1);
            }
            if (parts.length > 2) {
                throw new IllegalArgumentException("compression '" + text + "': expected NAME[:LEVEL]");
            }
            return new Compression(codec, parts.length > 1 ? Integer.parseInt(parts[1]) : -1, null, 0);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("compression '" + text + "': the level must be an integer");
        }
    }

    @Override
    public String toString() {
        if (codec.equals("blosc")) {
            return "blosc:" + blosc + ":" + level + ":" + shuffle;
        }
        return level < 0 ? codec : codec + ":" + level;
    }
}
