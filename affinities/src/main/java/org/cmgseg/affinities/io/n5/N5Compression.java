package org.cmgseg.affinities.io.n5;

import com.google.gson.JsonObject;
import java.io.IOException;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.codec.BlockCodec;
import org.cmgseg.affinities.io.codec.BloscCodec;
import org.cmgseg.affinities.io.codec.Codecs;
import org.cmgseg.affinities.io.codec.Lz4FrameCodec;
import org.cmgseg.affinities.io.codec.RawCodec;
import org.cmgseg.affinities.io.codec.ZstdCodec;

/** The "compression" object of N5 dataset attributes, as the Java N5 libraries and python zarr write it. */
final class N5Compression {

    private N5Compression() {
    }

    static BlockCodec codec(JsonObject json, String where) throws IOException {
        String type = json.has("type") ? json.get("type").getAsString() : "";
        return switch (type) {
            case "raw" -> new RawCodec();
            case "gzip" -> Codecs.deflate(intOr(json, "level", -1), json.has("useZlib") && json.get("useZlib").getAsBoolean());
            case "bzip2" -> Codecs.bzip2(intOr(json, "blockSize", 9));
            case "xz" -> Codecs.xz(intOr(json, "preset", 6));
            // python zarr writes numcodecs' framing (with its "acceleration"), the Java library lz4-java's LZ4Block
            case "lz4" -> json.has("acceleration") || json.has("id") ? new Lz4FrameCodec() : Codecs.lz4Blocks(intOr(json, "blockSize", 65536));
            case "zstd" -> new ZstdCodec(intOr(json, "level", 3));
            case "blosc" -> new BloscCodec(json.get("cname").getAsString(), intOr(json, "clevel", 5), intOr(json, "shuffle", 1),
                    intOr(json, "typesize", 1), intOr(json, "blocksize", 0));
            default -> throw new IOException("unsupported N5 compression '" + type + "' in " + where
                    + "; supported: raw, gzip, bzip2, xz, lz4, zstd, blosc");
        };
    }

    /** The compression for display and for writing copies, from N5 metadata. */
    static Compression of(JsonObject json) {
        String type = json.has("type") ? json.get("type").getAsString() : "raw";
        return switch (type) {
            case "gzip" -> new Compression(json.has("useZlib") && json.get("useZlib").getAsBoolean() ? "zlib" : "gzip",
                    intOr(json, "level", -1), null, 0);
            case "bzip2" -> new Compression("bzip2", intOr(json, "blockSize", -1), null, 0);
            case "xz" -> new Compression("xz", intOr(json, "preset", -1), null, 0);
            case "zstd" -> new Compression("zstd", intOr(json, "level", -1), null, 0);
            case "blosc" -> new Compression("blosc", intOr(json, "clevel", 5), json.get("cname").getAsString(), intOr(json, "shuffle", 1));
            case "lz4" -> new Compression("lz4", -1, null, 0);
            default -> Compression.RAW;
        };
    }

    /** N5 metadata for writing with a compression. */
    static JsonObject json(Compression compression, DataType type) {
        JsonObject json = new JsonObject();
        int level = compression.level();
        switch (compression.codec()) {
            case "raw" -> json.addProperty("type", "raw");
            case "gzip", "zlib" -> {
                json.addProperty("type", "gzip");
                json.addProperty("level", level < 0 ? 6 : level);
                json.addProperty("useZlib", compression.codec().equals("zlib"));
            }
            case "bzip2" -> {
                json.addProperty("type", "bzip2");
                json.addProperty("blockSize", level < 1 ? 9 : level);
            }
            case "xz" -> {
                json.addProperty("type", "xz");
                json.addProperty("preset", level < 0 ? 6 : level);
            }
            case "lz4" -> {
                json.addProperty("type", "lz4");
                json.addProperty("blockSize", 65536);
            }
            case "zstd" -> {
                json.addProperty("type", "zstd");
                json.addProperty("level", level < 0 ? 3 : level);
            }
            default -> {
                json.addProperty("type", "blosc");
                json.addProperty("cname", compression.blosc());
                json.addProperty("clevel", level);
                json.addProperty("shuffle", compression.shuffle());
                json.addProperty("blocksize", 0);
                json.addProperty("typesize", type.bytes());
                json.addProperty("nthreads", 1);
            }
        }
        return json;
    }

    private static int intOr(JsonObject json, String key, int fallback) {
        return json.has(key) && !json.get(key).isJsonNull() ? json.get(key).getAsInt() : fallback;
    }
}
